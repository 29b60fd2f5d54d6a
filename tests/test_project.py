"""The project: its root (found from each file), its modules' summaries (cached, read
link-safely), the index every file of a run is analysed with."""

import os

import pytest

from lint_sockets.config import project_root
from lint_sockets.paths import find_root


# --- one project root, found from each file ---------------------------------------------------

@pytest.mark.parametrize("marker", ["pyproject.toml", "setup.py", "setup.cfg", ".git"])
def test_the_root_is_the_nearest_directory_with_a_marker(tmp_path, marker):
    root = tmp_path / "project"
    (root / "pkg" / "sub").mkdir(parents=True)
    target = root / marker
    target.mkdir() if marker == ".git" else target.write_text("")
    module = root / "pkg" / "sub" / "mod.py"
    module.write_text("")
    assert find_root(str(module)) == str(root)
    assert find_root(str(root / "pkg")) == str(root)
    assert find_root(str(root)) == str(root)


def test_a_nested_project_is_its_own_root(tmp_path):
    outer = tmp_path / "outer"
    inner = outer / "vendor" / "inner"
    (inner / "pkg").mkdir(parents=True)
    (outer / ".git").mkdir()
    (inner / "setup.cfg").write_text("")
    (outer / "a.py").write_text("")
    (inner / "pkg" / "b.py").write_text("")
    assert find_root(str(outer / "a.py")) == str(outer)
    assert find_root(str(inner / "pkg" / "b.py")) == str(inner)


def test_a_src_layout_has_its_root_above_src(tmp_path):
    root = tmp_path / "project"
    (root / "src" / "pkg").mkdir(parents=True)
    (root / "pyproject.toml").write_text("[project]\nname = 'pkg'\n")
    (root / "src" / "pkg" / "mod.py").write_text("")
    assert find_root(str(root / "src" / "pkg" / "mod.py")) == str(root)


def test_no_marker_anywhere_is_no_root(tmp_path, monkeypatch):
    import lint_sockets.paths as paths

    (tmp_path / "loose").mkdir()
    (tmp_path / "loose" / "a.py").write_text("")
    # tmp_path may itself lie below a checkout: only tmp_path's own tree is looked at
    real = paths.is_root
    monkeypatch.setattr(paths, "is_root", lambda d: d.startswith(str(tmp_path)) and real(d))
    assert find_root(str(tmp_path / "loose" / "a.py")) is None
    monkeypatch.chdir(tmp_path)
    assert project_root([str(tmp_path / "loose" / "a.py")]) == str(tmp_path)


def test_the_cache_follows_the_project_root(tmp_path):
    outer = tmp_path / "outer"
    inner = outer / "inner"
    inner.mkdir(parents=True)
    (outer / "pyproject.toml").write_text("[tool.lint-sockets]\nselect = ['SCK5']\n")
    (inner / "setup.py").write_text("")
    (inner / "a.py").write_text("")
    # the configuration comes from outer, but the file's project (and its cache) is inner
    assert project_root([str(inner / "a.py")]) == str(inner)
    assert project_root([str(outer)]) == str(outer)
