import os
import re
import sys
from pathlib import Path

import pytest

from lint_sockets.engine import lint_source
from lint_sockets.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "test_fixtures"
RULES_DOCS = ROOT / "rules_docs"
# Sample programs the CLI, engine and robustness tests share.
SERVER = (
    "import socket\n"
    "def serve(port):\n"
    '    srv = socket.create_server(("", port))\n'
    "    while True:\n"
    "        conn, addr = srv.accept()\n"
    "        with conn:\n"
    "            while True:\n"
    "                data = conn.recv(1024)\n"
    "                conn.sendall(data)\n"
)
ECHO = (
    "import socket\n"
    "def echo(conn):\n"
    "    while True:\n"
    "        data = conn.recv(1024)\n"
    "        conn.sendall(data)\n"
)
MARKER = re.compile(rb"#\s*expect:\s*((?:SCK\d{3}[ \t]*)+)\s*$")


def project_fixtures():
    """The fixtures that are small projects: directories under test_fixtures/SCKnnn/ whose
    pyproject.toml makes them a project root; their modules are checked together."""
    return sorted(p.parent for p in FIXTURES.glob("SCK*/*/pyproject.toml"))


def fixture_files():
    """The single-file fixtures (the modules of project fixtures are checked as projects)."""
    projects = project_fixtures()
    return sorted(
        p for p in FIXTURES.rglob("*.py") if not p.name.endswith(".fixed.py")
        and not any(d in p.parents for d in projects)
    )


def expected_markers(source):
    """{(line, code)} from the `# expect: CODE ...` markers of a fixture (bytes)."""
    expected = set()
    for number, line in enumerate(re.split(rb"\r\n|\r|\n", source), start=1):
        match = MARKER.search(line)
        if match:
            for code in match.group(1).split():
                expected.add((number, code.decode()))
    return expected


def fixture_codes_on(path):
    """The rules off by default that a fixture turns on: all of them, so that a fixture's
    markers name every finding (``# expect: SCK202`` in an SCK502 fixture too), except
    SCK100 (unused ``noqa``), which only its own fixtures turn on."""
    from lint_sockets.rules import registry

    return sorted(code for code, rule in registry().items() if not rule.default
                  and (code != "SCK100" or "SCK100" in path.parts))


def fixture_settings(path):
    return Settings(extend_select=fixture_codes_on(path))


def project_fixture_settings(root):
    """The settings the command line uses for the project fixture ``root``: its own
    configuration's target version, Python 2 source and operating systems, with the
    fixture's codes selected (the flake8 plugin reads the same configuration)."""
    from lint_sockets.config import Resolver

    config = Resolver().for_directory(str(root))
    python2_only, in_packages = config.python2_only()
    return Settings(extend_select=fixture_codes_on(root),
                    target_version=config.target_version(), python2_only=python2_only,
                    python2_in_packages=in_packages,
                    systems=config.systems_and_origin()[0])


def findings(source, settings=None):
    return {(d.line, d.code) for d in lint_source(source, settings or Settings())}


@pytest.fixture
def default_settings():
    return Settings()


def write_undecodable_server(directory, stem):
    """SERVER in ``directory`` under ``stem`` + "\\xe9.py", a name that is not UTF-8; the
    test is skipped where the platform or the file system refuses such names."""
    if sys.platform in ("win32", "darwin"):
        pytest.skip("file names must be valid Unicode here")
    name = os.fsencode(str(directory)) + b"/" + stem.encode() + b"\xe9.py"
    try:
        with open(name, "wb") as handle:
            handle.write(SERVER.encode())
    except OSError:
        pytest.skip("the file system refuses names that are not UTF-8")
    return directory


def import_table(*lines):
    """An ImportTable holding the import statements ``lines``."""
    import libcst as cst

    from lint_sockets.analysis.imports import ImportTable

    table = ImportTable()
    for line in lines:
        statement = cst.parse_statement(line).body[0]
        if isinstance(statement, cst.Import):
            table.add_import(statement)
        else:
            table.add_import_from(statement)
    return table
