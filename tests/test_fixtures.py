"""Every fixture gives exactly its marked findings, no more and no fewer."""

from pathlib import Path

import pytest

from conftest import (
    FIXTURES, expected_markers, findings, fixture_codes_on, fixture_files, fixture_settings,
    project_fixture_settings, project_fixtures,
)


@pytest.mark.parametrize(
    "path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES))
)
def test_fixture_gives_exactly_its_markers(path):
    source = path.read_bytes()
    expected = expected_markers(source)
    settings = fixture_settings(path)
    actual = findings(source, settings)
    missing = sorted(expected - actual)
    unexpected = sorted(actual - expected)
    assert not missing and not unexpected, (
        f"{path.name}: missing {missing}, unexpected {unexpected}"
    )


def test_every_rule_has_flag_ok_and_lookalike_fixtures():
    from lint_sockets.rules import registry

    for code in registry():
        directory = FIXTURES / code
        assert directory.is_dir(), f"no fixtures for {code}"
        names = [p.name for p in directory.glob("*.py")]
        assert any(n.startswith("flag_") for n in names), f"{code}: no flag_ fixture"
        if code != "SCK000":
            assert any(n.startswith("ok_") for n in names), f"{code}: no ok_ fixture"
            assert any(n.startswith("lookalike_") for n in names), f"{code}: no lookalike_"
        marked = any(
            any(c == code for _, c in expected_markers(p.read_bytes()))
            for p in directory.glob("flag_*.py")
        )
        assert marked, f"{code}: no flag_ fixture carries a `# expect: {code}` marker"


# --- fixtures that are small projects ----------------------------------------------------------

def _project_findings(results, root):
    return {(str(Path(r.path).resolve().relative_to(root)), d.line, d.code)
            for r in results for d in r.diagnostics}


def _flake8_findings(root, modules):
    """What the flake8 plugin reports, file by file, as flake8 calls it."""
    import ast

    from lint_sockets import flake8_plugin

    found = set()
    for path in modules:
        source = path.read_bytes()
        plugin = flake8_plugin.Plugin(ast.parse(source), source.decode().splitlines(True),
                                      str(path))
        for line, _column, text, _ in plugin.run():
            found.add((str(path.relative_to(root)), line, text.split()[0]))
    return found


@pytest.mark.parametrize("root", project_fixtures(),
                         ids=lambda p: str(p.relative_to(FIXTURES)))
def test_a_project_fixture_gives_its_markers_whole_alone_and_under_flake8(
        root, monkeypatch, tmp_path):
    """Every module's markers, and the same findings whether the project is checked as a
    whole, each file alone (as pre-commit passes files), or through the flake8 plugin."""
    from lint_sockets import flake8_plugin
    from lint_sockets.runner import Job, run_files

    monkeypatch.setenv("LINT_SOCKETS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(flake8_plugin, "_PROJECTS", {})
    # the rules off by default are turned on, as ``--extend-select`` does
    monkeypatch.setattr(flake8_plugin, "OFF_BY_DEFAULT", tuple(
        c for c in flake8_plugin.OFF_BY_DEFAULT if c not in fixture_codes_on(root)))
    monkeypatch.setattr(flake8_plugin, "_WANTED", None)
    monkeypatch.setattr(flake8_plugin, "_SETTINGS", None)
    modules = sorted(root.rglob("*.py"))
    assert len(modules) > 1, f"{root.name}: a project fixture has several modules"
    expected = {(str(p.relative_to(root)), line, code)
                for p in modules for line, code in expected_markers(p.read_bytes())}
    job = Job(project_fixture_settings(root))
    whole = _project_findings(run_files(job, [str(p) for p in modules], 1, None), root)
    missing, unexpected = sorted(expected - whole), sorted(whole - expected)
    assert not missing and not unexpected, f"missing {missing}, unexpected {unexpected}"
    alone = set()
    for path in modules:
        alone |= _project_findings(run_files(job, [str(path)], 1, None), root)
    assert alone == whole
    assert _flake8_findings(root, modules) == whole
