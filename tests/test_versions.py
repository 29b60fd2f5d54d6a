"""Python-version tests: their value on Python 3, and code only Python 2 runs."""

import libcst as cst
import pytest

from conftest import FIXTURES, findings, import_table
from lint_sockets.analysis.versions import on_python3
from lint_sockets.settings import Settings


@pytest.mark.parametrize("test, expected", [
    ("six.PY3", True),
    ("six.PY2", False),
    ("not six.PY2", True),
    ("sys.version_info[0] < 3", False),
    ("sys.version_info[0] >= 3", True),
    ("sys.version_info.major == 2", False),
    ("sys.version_info < (3,)", False),
    ("sys.version_info >= (3, 0)", True),
    ("sys.version_info > (2, 7)", True),
    ("sys.version_info >= (3, 8)", None),  # depends on the minor version
    ("PY3", True),  # a module constant holding a version test
    ("sys.platform == 'win32'", None),
    ("ready", None),
])
def test_value_of_a_version_test_on_python3(test, expected):
    imports = import_table("import sys", "import six")
    constants = {"PY3": cst.parse_expression("sys.version_info[0] == 3")}
    assert on_python3(imports, constants, cst.parse_expression(test)) is expected


def test_python2_only_code_is_checked_for_a_python2_target():
    source = (FIXTURES / "SCK601" / "ok_python2_only_branch.py").read_bytes()
    assert not any(code == "SCK601"
                   for _, code in findings(source, Settings(extend_select=["SCK601"])))
    old = findings(source, Settings(target_version=(2, 7), extend_select=["SCK601"]))
    assert {line for line, code in old if code == "SCK601"} == {14, 22, 24}
