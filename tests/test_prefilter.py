"""The pre-filter never skips a file a rule would flag."""

import os
from pathlib import Path

import pytest

from conftest import FIXTURES, expected_markers
from lint_sockets.engine import check_source
from lint_sockets.prefilter import might_fire
from lint_sockets.settings import Settings


def test_every_fixture_a_rule_flags_passes_the_filter():
    """Every flagged fixture passes the text filter, except a module of a project fixture
    whose own text shows no socket code: that one must import project socket code (the
    index keeps it in the analysis)."""
    from lint_sockets.project import load_project, root_of

    flagged = through_imports = 0
    for path in sorted(FIXTURES.rglob("*.py")):
        source = path.read_bytes()
        if any(code != "SCK000" for _, code in expected_markers(source)):
            flagged += 1
            if might_fire(source):
                continue
            root = root_of(str(path))
            assert root is not None and str(FIXTURES) in root, path
            project = load_project(root, False)
            assert project.index.imports_socket_code(project.module_of(str(path))), path
            through_imports += 1
    assert flagged > 100 and through_imports >= 1


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


# ---- the second filter: rule gates on the module's ast ------------------------------------

from lint_sockets.engine import rules_may_fire  # noqa: E402

_GATE_SETTINGS = [
    Settings(select=["ALL"]),
    Settings(),
    Settings(select=["ALL"], socket_names=r"(?i)chan|link"),
]


def _tree(source):
    import ast

    return compile(source, "<test>", "exec", ast.PyCF_ONLY_AST, dont_inherit=True)


def _as_reported(diagnostics):
    return [(d.code, d.message, d.line, d.column, d.end_line, d.end_column,
             d.fix.message if d.fix else None, repr(d.edits)) for d in diagnostics]


def test_the_filters_change_no_finding_on_any_fixture():
    # The full engine (no filter) and the filtered one, every fixture, three settings:
    # the same findings, fixes and edits. A file the filters keep goes through the very
    # same code with or without them (check_source), so only the files they drop are run
    # both ways: the full engine must find nothing there either.
    dropped = 0
    for path in sorted(FIXTURES.rglob("*.py")):
        source = path.read_bytes()
        try:
            tree = _tree(source)
        except (SyntaxError, ValueError):
            tree = None
        for settings in _GATE_SETTINGS:
            by_ast = tree is not None and might_fire(source) and not rules_may_fire(
                tree, settings)
            dropped += by_ast
            if tree is not None and might_fire(source) and not by_ast:
                continue  # kept: the filtered engine is the full one
            filtered, _ = check_source(source, settings, edits=True)
            full, _ = check_source(source, settings, edits=True, prefilter=False)
            assert _as_reported(filtered) == _as_reported(full), (path, settings.socket_names)
    assert dropped >= 10  # the ast filter did drop files that pass the text filter


def test_every_rule_s_gate_keeps_every_fixture_it_reports_on():
    # Each gate alone is a necessary condition of its rule's findings: for every finding
    # the full engine makes on a fixture, that rule's gate, selected alone, keeps the file
    # (with several rules selected, another rule's gate could hide a wrong one).
    checked = 0
    for path in sorted(FIXTURES.rglob("*.py")):
        source = path.read_bytes()
        try:
            tree = _tree(source)
        except (SyntaxError, ValueError):
            continue
        for names in (None, r"(?i)chan|link"):
            full, _ = check_source(source, Settings(select=["ALL"], socket_names=names),
                                   prefilter=False)
            for code in {d.code for d in full} - {"SCK000", "SCK100"}:
                alone = Settings(select=[code], socket_names=names)
                assert might_fire(source) and rules_may_fire(tree, alone), (path, code)
                checked += 1
    assert checked > 300


@pytest.mark.slow
def test_the_ast_filter_drops_no_standard_library_file_with_findings():
    # Every standard-library file (tests included) that passes the text filter and that the
    # ast filter drops: the full engine finds nothing in it either. (On the files the
    # filter keeps, the filtered engine is the full one.)
    lib = Path(os.__file__).parent
    dropped = 0
    for path in sorted(lib.rglob("*.py")):
        if "site-packages" in path.parts:
            continue
        source = path.read_bytes()
        if not might_fire(source):
            continue
        try:
            tree = _tree(source)
        except (SyntaxError, ValueError):
            continue
        for settings in _GATE_SETTINGS:
            if rules_may_fire(tree, settings):
                continue
            dropped += 1
            filtered, _ = check_source(source, settings, edits=True)
            full, _ = check_source(source, settings, edits=True, prefilter=False)
            assert _as_reported(filtered) == _as_reported(full) == [], path
    assert dropped > 100


GENERATED = '''\
# Generated by the protocol compiler.  DO NOT EDIT!
"""Call ``msg.send(transport)``; the transport calls ``sock.recv(n)``."""
import struct


class Ping:
    FIELDS = {"seq": 1, "conn_id": 35}

    def send(self, transport):
        transport.send(struct.pack("<I", self.seq))

    def read(self, iprot):
        while True:
            fid = iprot.read_u32()
            if fid == 1:
                self.seq = iprot.read_u32()
            else:
                break


class PingClient:
    def send_ping(self, request):
        request.send(self._oprot)

    def recv_ping(self):
        try:
            return self._iprot.read_message()
        except ValueError as error:
            raise RuntimeError(error)
'''


def test_generated_protocol_code_is_dropped_by_the_ast_filter():
    settings = Settings(select=["ALL"])
    assert might_fire(GENERATED)  # ``.send(`` and ``.recv(``: the text filter keeps it
    assert not rules_may_fire(_tree(GENERATED), settings)
    assert check_source(GENERATED, settings, prefilter=False)[0] == []


@pytest.mark.parametrize("code, select", [
    # a receiver named like a socket, with a socket-shaped call: a likely socket even with
    # no import of any socket module
    # (SCK601 needs a send that can be partial: these sockets are in timeout mode)
    ("def f(conn, msg):\n    conn.settimeout(5)\n    conn.send(msg.encode())\n", "SCK601"),
    ("def f(self):\n    while True:\n        data = self.sock.recv(10)\n", "SCK101"),
    # a socket from a module, under another name, or from a string annotation or a cast
    ("from socket import socket as S\ndef f(data):\n    s = S()\n    s.settimeout(5)\n"
     "    s.send(data)\n", "SCK601"),
    ("def f(s: 'socket.socket', data):\n    s.settimeout(5)\n    s.send(data)\n", "SCK601"),
    ("from typing import cast as c\ndef f(x, data):\n    s = c('socket.socket', x)\n"
     "    s.settimeout(5)\n    s.send(data)\n", "SCK601"),
    ("def f(srv):\n    while True:\n        c, a = srv.accept()\n", "SCK501"),
    # errno literals next to an exception's errno
    ("try:\n    pass\nexcept OSError as e:\n    if e.errno == 104:\n        raise\n", "SCK901"),
    ("try:\n    pass\nexcept OSError as e:\n    if e[0] == 104:\n        raise\n", "SCK901"),
    # EINTR tested by its number against the handler's exception
    ("def f(sock):\n    while True:\n        try:\n            return sock.recv(4096)\n"
     "        except OSError as e:\n            if e.errno == 4:\n                continue\n"
     "            raise\n", "SCK202"),
    ("def f(sock):\n    while True:\n        try:\n            return sock.recv(4096)\n"
     "        except OSError as e:\n            if e.args[0] == 4:\n                continue\n"
     "            raise\n", "SCK202"),
    # ... through getattr with a default, and a number from a module constant
    ("try:\n    pass\nexcept OSError as e:\n    if getattr(e, 'errno', None) == 104:\n"
     "        raise\n", "SCK901"),
    ("RETRY = (4, 11)\ndef f(sock):\n    while True:\n        try:\n"
     "            return sock.recv(4096)\n        except OSError as e:\n"
     "            if e.errno in RETRY:\n                continue\n            raise\n",
     "SCK202"),
    # a number that names no network errno (80 is ELIBBAD on Linux) next to a socket call
    ("def f(sock):\n    try:\n        sock.connect(('h', 1))\n    except OSError as e:\n"
     "        if e.errno == 80:\n            return\n        raise\n", "SCK901"),
])
def test_what_the_ast_filter_keeps(code, select):
    settings = Settings(select=[select])
    assert rules_may_fire(_tree(code), settings)
    assert [d.code for d in check_source(code, settings)[0]] == [select]


def test_a_4_that_no_handler_compares_with_an_errno_keeps_no_module_for_sck202():
    code = ("def f(sock, items):\n    while True:\n        data = sock.recv(4)\n"
            "        if len(items) == 4:\n            return data\n")
    assert not rules_may_fire(_tree(code), Settings(select=["SCK202"]))


@pytest.mark.parametrize("code, select", [
    # a 4 that is an index, a bound or a count, not an errno: ``<`` tests no errno
    ("def f(n):\n    try:\n        g()\n    except OSError as e:\n"
     "        if e.errno < 4:\n            return n[4]\n        raise\n", "SCK202"),
    # getattr() of something other than errno is no errno expression
    ("def f(obj, sock):\n    try:\n        sock.recv(1)\n    except OSError as err:\n"
     "        if getattr(obj, 'size') == 104:\n            return\n        raise\n",
     "SCK901"),
    # numbers that name no network errno, with no socket call in the module: a file
    # format's bytes and sizes
    ("def f(data):\n    try:\n        g(data)\n    except OSError as e:\n"
     "        if e.errno == 2 and data[0] == 255:\n            return\n        raise\n",
     "SCK901"),
])
def test_what_the_ast_filter_drops(code, select):
    settings = Settings(select=[select])
    assert not rules_may_fire(_tree(code), settings)
    assert check_source(code, settings, prefilter=False)[0] == []


@pytest.mark.parametrize("code, kept", [
    # an errno set another module holds, which only the project index reads
    ("from .errsets import RETRY\ntry:\n    pass\nexcept OSError as e:\n"
     "    if e.errno in RETRY:\n        pass\n", True),
    ("from link import errsets\nAGAIN = errsets.RETRY\ntry:\n    pass\n"
     "except OSError as e:\n    if e.errno in AGAIN:\n        pass\n", True),
    ("import errsets\nSETS = (errsets.A, errsets.B)\ntry:\n    pass\n"
     "except OSError as e:\n    err = e.errno\n    if err in SETS:\n        pass\n", True),
    # names of the standard library, or compared with what holds no errno
    ("import sys\ntry:\n    pass\nexcept OSError as e:\n"
     "    if sys.platform == 'win32' and e.errno:\n        pass\n", False),
    ("import signal\ntry:\n    pass\nexcept OSError as e:\n"
     "    if e.errno in (signal.SIGTERM,):\n        pass\n", False),
    ("from .consts import MODE\ntry:\n    pass\nexcept OSError as e:\n"
     "    if e.errno and 'fast' == MODE:\n        pass\n", False),
])
def test_an_errno_set_imported_from_another_module_keeps_the_module(code, kept):
    assert rules_may_fire(_tree(code), Settings(select=["SCK202"])) is kept


def test_a_custom_socket_names_pattern_is_read_by_the_ast_filter():
    code = "def f(chan, msg):\n    chan.settimeout(5)\n    chan.send(msg.encode())\n"
    assert not rules_may_fire(_tree(code), Settings(select=["SCK601"]))
    custom = Settings(select=["SCK601"], socket_names="chan")
    assert rules_may_fire(_tree(code), custom)
    assert [d.code for d in check_source(code, custom)[0]] == ["SCK601"]


def test_unused_noqa_is_still_reported_in_a_dropped_module():
    code = GENERATED.replace("import struct\n", "import struct  # noqa: SCK601\n")
    settings = Settings(select=["ALL"])
    assert [d.code for d in check_source(code, settings)[0]] == ["SCK100"]


def test_a_rule_without_a_gate_keeps_every_module(monkeypatch):
    from lint_sockets.rules import registry

    settings = Settings(select=["SCK601"])
    assert not rules_may_fire(_tree(GENERATED), settings)
    rule = registry()["SCK601"]
    monkeypatch.setattr(rule, "_found", (rule.check, None))
    assert rule.gate is None
    assert rules_may_fire(_tree(GENERATED), settings)


def test_every_rule_with_a_check_has_a_gate():
    # A new rule without a gate would switch the ast filter off (it keeps every module):
    # correct, but the speed of generated code would be lost without anyone noticing.
    from lint_sockets.rules import registry

    assert [code for code, rule in registry().items()
            if rule.check is not None and rule.gate is None] == []


def test_fixing_a_module_no_rule_can_fire_on_never_parses_it(monkeypatch):
    from lint_sockets import engine
    from lint_sockets.fixes import fix_source

    settings = Settings(select=["ALL"])
    parsed = []
    real = engine.parse
    monkeypatch.setattr(engine, "parse", lambda *a, **k: parsed.append(1) or real(*a, **k))
    assert fix_source(GENERATED.encode(), settings) == (GENERATED.encode(), [], False)
    assert parsed == []
    code = ("import socket\ndef f(data):\n    s = socket.socket()\n    s.settimeout(5)\n"
            "    s.send(data)\n")
    new, fixed, _ = fix_source(code, settings)
    assert "s.sendall(data)" in new and [c for c, _ in fixed] == ["SCK601"] and parsed
