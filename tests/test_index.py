"""The project index: module summaries from ``ast`` and the questions asked of them."""

import ast
import json
import textwrap

import pytest

from lint_sockets.analysis.index import (
    MAX_DEPTH, NOT_FOUND, ErrnoName, EofAction, ModuleSummary, ProjectIndex, Setting,
    SocketType, ValueKind, module_name_for, summarise,
)


def build(tmp_path, files):
    """Write ``files`` (relative path -> source) under tmp_path and index them."""
    summaries = {}
    for relative, source in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    for relative in files:
        path = tmp_path / relative
        name, is_package = module_name_for(str(tmp_path), str(path))
        summary = summarise(ast.parse(path.read_text()), name, is_package)
        # every summary goes through the JSON round trip, as from the cache
        summaries[name] = ModuleSummary.from_json(json.loads(json.dumps(summary.to_json())))
    return ProjectIndex(str(tmp_path), summaries)


def package(*names):
    return {f"{n}/__init__.py": "" for n in names}


# ---- module names ------------------------------------------------------------------------

def test_module_names(tmp_path):
    for relative in ("pkg/__init__.py", "pkg/sub/__init__.py", "src/lib/__init__.py"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("")
    root = str(tmp_path)
    assert module_name_for(root, str(tmp_path / "pkg/mod.py")) == ("pkg.mod", False)
    assert module_name_for(root, str(tmp_path / "pkg/__init__.py")) == ("pkg", True)
    assert module_name_for(root, str(tmp_path / "pkg/sub/x.py")) == ("pkg.sub.x", False)
    assert module_name_for(root, str(tmp_path / "src/lib/mod.py")) == ("lib.mod", False)
    assert module_name_for(root, str(tmp_path / "scripts/run.py")) == ("run", False)
    assert module_name_for(root, str(tmp_path / "top.py")) == ("top", False)
    assert module_name_for(root, str(tmp_path / "pkg/not-a-name.py")) is None
    assert module_name_for(root, str(tmp_path / "pkg/data.txt")) is None
    assert module_name_for(str(tmp_path / "pkg"), str(tmp_path / "top.py")) is None
