"""The pre-filter never skips a file a rule would flag."""

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, expected_markers
from lint_sockets.engine import check_source
from lint_sockets.prefilter import might_fire
from lint_sockets.settings import Settings


def test_every_fixture_a_rule_flags_passes_the_filter():
    flagged = 0
    for path in sorted(FIXTURES.rglob("*.py")):
        source = path.read_bytes()
        if any(code != "SCK000" for _, code in expected_markers(source)):
            flagged += 1
            assert might_fire(source), path
    assert flagged > 100


def test_files_without_socket_code_are_skipped():
    assert not might_fire(b"import os\nprint(os.getcwd())\n")
    assert not might_fire(b"def f(x):\n    return len(x) == 4\n")
    assert might_fire(b"try:\n    pass\nexcept OSError as e:\n    if e[0] == 4:\n        pass\n")
    assert not might_fire("x = 'caf\u00e9'\n")


@pytest.mark.slow
def test_every_standard_library_file_with_findings_passes_the_filter():
    settings = Settings(select=["ALL"])
    lib = Path(os.__file__).parent
    checked = 0
    for path in sorted(lib.rglob("*.py")):
        if "site-packages" in path.parts:
            continue
        source = path.read_bytes()
        if might_fire(source):
            continue
        # A skipped file: linting it in full must find nothing but (maybe) a syntax error.
        diagnostics, _ = check_source(source, settings, prefilter=False)
        assert [d.code for d in diagnostics if d.code != "SCK000"] == [], path
        checked += 1
    assert checked > 500
