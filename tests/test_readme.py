"""The README's promises: its rule table matches the registry."""

import re

from conftest import ROOT
from lint_sockets.rules import registry


def test_readme_rule_table_lists_every_rule_with_its_name():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (SCK\d{3}) \| ([a-z-]+) \|", text, flags=re.M))
    assert rows == {code: rule.name for code, rule in registry().items()}
