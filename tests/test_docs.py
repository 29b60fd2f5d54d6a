"""Every rule has a page with the fixed sections, and the page's examples tell the truth."""

import re

import pytest

from conftest import RULES_DOCS, findings
from lint_sockets.rules import registry
from lint_sockets.settings import Settings

SECTIONS = ["What it does", "Why is this bad?", "Example", "Use instead", "Fix safety",
            "References"]
CODES = list(registry())


def page(code):
    return (RULES_DOCS / f"{code}.md").read_text(encoding="utf-8")


def sections(text):
    """{heading: body} for the `## ` sections of a page, and the headings in order."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    headings = parts[1::2]
    return dict(zip(headings, parts[2::2])), headings


def python_blocks(body):
    return re.findall(r"```python\n(.*?)```", body, flags=re.S)


@pytest.mark.parametrize("code", CODES)
def test_page_exists_with_title_and_sections_in_order(code):
    text = page(code)
    assert text.splitlines()[0] == f"# {code}: {registry()[code].name}"
    _, headings = sections(text)
    required = [h for h in headings if h in SECTIONS]
    assert required == SECTIONS, f"{code}: sections {headings}"


@pytest.mark.parametrize("code", CODES)
def test_example_is_flagged_and_use_instead_is_not(code):
    body, _ = sections(page(code))
    example = python_blocks(body["Example"])
    fixed = python_blocks(body["Use instead"])
    assert len(example) == 1 and len(fixed) == 1, f"{code}: one python block in each"
    settings = Settings(extend_select=[code])  # rules that are off by default too
    flagged = {c for _, c in findings(example[0].encode(), settings)}
    assert code in flagged, f"{code}: the Example is not flagged ({flagged})"
    clean = {c for _, c in findings(fixed[0].encode())}
    assert code not in clean, f"{code}: the Use instead block is flagged"


def test_no_page_without_a_rule():
    pages = {p.stem for p in RULES_DOCS.glob("*.md")}
    assert pages == set(CODES)


@pytest.mark.parametrize("code", CODES)
def test_fix_section_matches_the_registry(code):
    """A page must not promise a fix the rule does not apply, nor hide one it does."""
    body, _ = sections(page(code))
    fix_text = body["Fix safety"]
    rule = registry()[code]
    if rule.fix == "none":
        assert ("no automatic fix" in fix_text) or ("Not applied yet" in fix_text), code
    else:
        assert "Not applied yet" not in fix_text, code
        assert rule.fix in fix_text, code


MESSAGE_WIDTH = 80  # a finding's message fits one terminal line; the page has the detail


def test_every_message_fits_one_terminal_line():
    from conftest import fixture_files
    from lint_sockets.engine import lint_source

    everything = Settings(select=["ALL"])
    seen = set()
    for path in fixture_files():
        for d in lint_source(path.read_bytes(), everything):
            if d.code == "SCK000":
                continue  # Python's or libcst's own words about the syntax
            seen.add(d.code)
            assert len(d.message) <= MESSAGE_WIDTH, (path, d.message)
            assert "\n" not in d.message
    assert seen == set(CODES) - {"SCK000"}
