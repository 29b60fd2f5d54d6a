"""Every fixture gives exactly its marked findings, no more and no fewer."""

import pytest

from lint_sockets.settings import Settings

from conftest import FIXTURES, expected_markers, findings, fixture_files


@pytest.mark.parametrize(
    "path", fixture_files(), ids=lambda p: str(p.relative_to(FIXTURES))
)
def test_fixture_gives_exactly_its_markers(path):
    source = path.read_bytes()
    expected = expected_markers(source)
    # SCK100 is off by default; its own fixtures turn it on.
    settings = Settings(extend_select=["SCK100"]) if path.parent.name == "SCK100" else None
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
