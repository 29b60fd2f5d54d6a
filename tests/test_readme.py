"""The README's promises: its rule table matches the registry."""

import re

from conftest import ROOT
from lint_sockets.rules import registry


def test_readme_rule_table_lists_every_rule_with_its_name():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (SCK\d{3}) \| ([a-z-]+) \|", text, flags=re.M))
    assert rows == {code: rule.name for code, rule in registry().items()}


def _pyproject():
    import sys

    if sys.version_info >= (3, 11):
        import tomllib
    else:
        import tomli as tomllib
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_license_and_package_metadata():
    project = _pyproject()["project"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "lint-sockets contributors" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert project["authors"] == [{"name": "lint-sockets contributors"}]
    classifiers = set(project["classifiers"])
    for minor in range(9, 15):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert "Operating System :: OS Independent" in classifiers
    assert any(c.startswith("Development Status :: ") for c in classifiers)
    assert any(c.startswith("Topic :: ") for c in classifiers)


def test_flake8_is_an_optional_extra_and_the_command_never_imports_it(tmp_path):
    import subprocess
    import sys

    project = _pyproject()["project"]
    assert not any(d.startswith("flake8") for d in project["dependencies"])
    assert any(d.startswith("flake8") for d in project["optional-dependencies"]["flake8"])
    assert any(d.startswith("flake8") for d in project["optional-dependencies"]["test"])
    (tmp_path / "m.py").write_text("import socket\ns = socket.socket()\n"
                                   "while True:\n    s.sendall(s.recv(10))\n")
    probe = ("import sys\nfrom lint_sockets.cli import main\nstatus = main(['--no-cache', "
             "'--jobs', '1', 'm.py'])\nassert not [m for m in sys.modules if "
             "m.split('.')[0] == 'flake8'], 'the command imported flake8'\n"
             "sys.exit(status)\n")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 1 and "SCK101" in result.stdout, result.stderr


def test_readme_test_command_leaves_out_the_slow_suites_and_ci_runs_them():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest\n" in text and ".venv/bin/python -m pytest\n" in ci
    assert ".venv/bin/python -m pytest -m slow\n" in ci
    options = _pyproject()["tool"]["pytest"]["ini_options"]
    assert options["addopts"] == ["-m", "not slow", "-n", "auto"]
    # the parallel runner the options ask for comes with the test extra
    assert any(dep.startswith("pytest-xdist")
               for dep in _pyproject()["project"]["optional-dependencies"]["test"])


def test_readme_installs_from_a_clone_or_a_git_url():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "pip install 'lint-sockets @ git+https://" in text
    assert "pip install 'lint-sockets[flake8] @ git+https://" in text
    assert "flake8 --select SCK,E999" in text
    assert "pip install /path/to/lint-sockets" not in text
