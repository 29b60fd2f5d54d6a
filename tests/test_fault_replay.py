"""The fault-replay pytest plugin (--socket-faults), run with pytest's own pytester on a small
project: a line server and a framed-message client, each in a correct and in buggy variants,
with their tests. Every bug must be reported with its fault and rule; the correct variants
must report nothing. Loopback sockets only."""

import argparse
import errno
import json
import os
import re
import subprocess
import sys
import threading
import time

import pytest

from conftest import ROOT
from lint_sockets.faults import FAULTS, LEGAL, PEER
from lint_sockets.faults import inject, replay, report

pytest_plugins = ["pytester"]

SERVER = '''\
import socket
import threading


def read_line(conn):
    buf = b""
    while b"\\n" not in buf:
        data = conn.recv(1024)
        if not data:
            break
        buf += data
    return buf


def serve(listener):
    while True:
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        except OSError:
            return  # the listener was shut down
        with conn:
            conn.settimeout(5)  # a client that stops sending cannot hold the server
            try:
                conn.sendall(read_line(conn).upper())
            except (ConnectionResetError, BrokenPipeError, socket.timeout):
                pass


def start():
    listener = socket.create_server(("127.0.0.1", 0))
    thread = threading.Thread(target=serve, args=(listener,), daemon=True)
    thread.start()
    return listener, thread
'''

# The bugs of the server, each as (correct text, buggy text).
EOF_BUG = ('''        data = conn.recv(1024)
        if not data:
            break
        buf += data''', '''        buf += conn.recv(1024)''')
SEND_BUG = ("conn.sendall(read_line(conn).upper())", "conn.send(read_line(conn).upper())")
ACCEPT_BUG = ('''        except ConnectionAbortedError:
            continue
''', "")

# A listener on every interface instead of loopback: SCK501 leaves a loopback-only listener
# alone (only local clients connect to it), so the server that keeps the accept bug but no
# test runs binds where other hosts can reach it.
PUBLIC_BIND = ('''    listener = socket.create_server(("127.0.0.1", 0))
''', '''    listener = socket.create_server(("", 0))
''')

SERVER_TEST = '''\
import socket

import pytest

from netapp import {module} as server


@pytest.fixture
def address():
    listener, thread = server.start()
    yield listener.getsockname()
    listener.shutdown(socket.SHUT_RDWR)
    listener.close()
    thread.join(2)


def ask(address, text):
    with socket.create_connection(address, timeout=2) as conn:
        conn.sendall(text)
        chunks = []
        while True:
            data = conn.recv(1024)
            if not data:
                return b"".join(chunks)
            chunks.append(data)


def test_upper(address):
    assert ask(address, b"hello\\n") == b"HELLO\\n"
'''

CLIENT = '''\
import select
import socket
import struct
import threading
import time


def open_connection(address, attempts=3, timeout=2.0):
    for _ in range(attempts):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            sock.connect(address)
        except BlockingIOError:
            pass
        select.select([], [sock], [], timeout)
        if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
            sock.settimeout(timeout)
            return sock
        sock.close()
        time.sleep(0.05)
    raise ConnectionRefusedError(f"cannot connect to {address}")


def recv_exactly(sock, size):
    buf = b""
    while len(buf) < size:
        data = sock.recv(size - len(buf))
        if not data:
            raise EOFError("connection closed in the middle of a message")
        buf += data
    return buf


def read_message(sock):
    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)


def send_message(sock, payload):
    sock.sendall(struct.pack("!I", len(payload)) + payload)


class Forwarder(threading.Thread):
    """Sends each message and keeps the replies; a failure ends it with ``error`` set."""

    def __init__(self, address, messages):
        super().__init__(daemon=True)
        self.address = address
        self.messages = messages
        self.replies = []
        self.error = None

    def run(self):
        try:
            sock = open_connection(self.address)
        except OSError as exc:
            self.error = exc
            return
        with sock:
            try:
                for message in self.messages:
                    send_message(sock, message)
                    self.replies.append(read_message(sock))
            except (OSError, EOFError) as exc:
                self.error = exc
'''

# A reader that takes recv(n) to return n bytes.
# (The header is read right after the request is sent, where its 4 bytes arrive together
# on real TCP, so SCK102 reports the body, decoded as if recv(length) held all of it.)
FRAMING_BUG = ('''    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return recv_exactly(sock, length)''',
               '''    (length,) = struct.unpack("!I", recv_exactly(sock, 4))
    return struct.unpack(f"!{length}s", sock.recv(length))[0]''')
# A forwarder that only expects errors while connecting (correct when the connect is).
CONNECT_ONLY = ('''            try:
                for message in self.messages:
                    send_message(sock, message)
                    self.replies.append(read_message(sock))
            except (OSError, EOFError) as exc:
                self.error = exc''', '''            for message in self.messages:
                send_message(sock, message)
                self.replies.append(read_message(sock))''')
# A non-blocking connect that takes writability for success.
SO_ERROR_BUG = ('''        select.select([], [sock], [], timeout)
        if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
            sock.settimeout(timeout)
            return sock
        sock.close()
        time.sleep(0.05)''', '''        select.select([], [sock], [], timeout)
        sock.settimeout(timeout)
        return sock''')

CLIENT_TEST = '''\
import socketserver
import struct
import threading

import pytest

from netapp.{module} import Forwarder


class Reverse(socketserver.StreamRequestHandler):
    def handle(self):
        while True:
            header = self.rfile.read(4)
            if len(header) < 4:
                return
            (length,) = struct.unpack("!I", header)
            body = self.rfile.read(length)
            self.wfile.write(struct.pack("!I", len(body)) + body[::-1])


@pytest.fixture
def address():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Reverse)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address
    server.shutdown()
    server.server_close()


def test_forward(address):
    forwarder = Forwarder(address, [b"hello", b"world" * 1000])
    forwarder.start()
    forwarder.join(3)
    assert forwarder.error is None
    assert forwarder.replies == [b"olleh", b"dlrow" * 1000]
'''

ASYNC = '''\
async def upper(loop, conn):
    with conn:
        while True:
            data = await loop.sock_recv(conn, 1024)
            if not data:
                break
            await loop.sock_sendall(conn, data.upper())
'''
ASYNC_EOF_BUG = ('''            if not data:
                break
''', "")

ASYNC_TEST = '''\
import asyncio
import socket

from netapp import {module} as aio


def test_upper():
    async def main():
        loop = asyncio.get_running_loop()
        a, b = socket.socketpair()
        a.setblocking(False)
        b.setblocking(False)
        task = asyncio.create_task(aio.upper(loop, a))
        await loop.sock_sendall(b, b"hi")
        reply = await asyncio.wait_for(loop.sock_recv(b, 10), 2)
        b.close()
        task.cancel()
        return reply

    assert asyncio.run(main()) == b"HI"
'''

PUMP = '''\
import select


def send_all(sock, data, timeout=2.0):
    view = memoryview(data)
    while view:
        try:
            sent = sock.send(view)
        except BlockingIOError:
            select.select([], [sock], [], timeout)
            continue
        view = view[sent:]


def recv_until_closed(sock, timeout=2.0):
    chunks = []
    while True:
        try:
            data = sock.recv(4096)
        except BlockingIOError:
            select.select([sock], [], [], timeout)
            continue
        if not data:
            return b"".join(chunks)
        chunks.append(data)
'''
# A non-blocking reader that takes EAGAIN for an error.
EAGAIN_BUG = ('''        try:
            data = sock.recv(4096)
        except BlockingIOError:
            select.select([sock], [], [], timeout)
            continue
''', '''        select.select([sock], [], [], timeout)
        data = sock.recv(4096)
''')

PUMP_TEST = '''\
import socket
import threading

from netapp import {module} as pump


def test_pump():
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    payload = bytes(range(256)) * 400

    def sender():
        pump.send_all(a, payload)
        a.shutdown(socket.SHUT_WR)

    thread = threading.Thread(target=sender)
    thread.start()
    try:
        assert pump.recv_until_closed(b) == payload
    finally:
        thread.join(3)
        a.close()
        b.close()
'''

HANDLER = '''\
import socketserver


class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())
'''
# readline() returns b"" forever once the client has gone: a loop with no way out.
HANDLER_EOF_BUG = ('''        for line in self.rfile:
            self.wfile.write(line.upper())''', '''        while True:
            line = self.rfile.readline()
            self.wfile.write(line.upper())''')

HANDLER_TEST = '''\
import socket
import socketserver
import threading

from netapp.{module} import Upper


def test_upper():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Upper)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with socket.create_connection(server.server_address, timeout=2) as conn:
            conn.sendall(b"abc\\n")
            assert conn.recv(100) == b"ABC\\n"
    finally:
        server.shutdown()
        server.server_close()
'''


def variant(source, *bugs):
    for good, bad in bugs:
        assert source.count(good) == 1, good
        source = source.replace(good, bad)
    return source


def line_of(source, text):
    """The 1-based line of the only line of ``source`` containing ``text``."""
    hits = [n for n, line in enumerate(source.splitlines(), 1) if text in line]
    assert len(hits) == 1, (text, hits)
    return hits[0]


def project(pytester, modules, tests):
    """netapp/<name>.py for each module, tests/test_<name>.py for each test file."""
    pytester.mkpydir("netapp")
    for name, source in modules.items():
        pytester.path.joinpath("netapp", f"{name}.py").write_text(source)
    pytester.mkdir("tests")
    for name, source in tests.items():
        pytester.path.joinpath("tests", f"test_{name}.py").write_text(source)


@pytest.fixture(autouse=True)
def _only_this_plugin(monkeypatch):
    """The projects' runs (and so their replays) load no other plugin: each replay is a
    new process, and some plugins take a second to import."""
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")


def replay_run(pytester, *args, timeout="1"):
    result = pytester.runpytest_subprocess(
        "-p", "lint_sockets.faults.plugin", "--socket-faults-report=report.json",
        f"--socket-faults-timeout={timeout}", "-v", *args)
    path = pytester.path / "report.json"
    entries = json.loads(path.read_text()) if path.exists() else None
    return result, entries


def plain(entries, *keys):
    keys = keys or ("test", "fault", "file", "line", "outcome", "rule")
    return sorted(tuple(e[k] for k in keys) for e in entries)


# Without --socket-faults the plugin costs nothing.

def test_inactive_plugin_wraps_nothing_and_imports_nothing(pytester, monkeypatch):
    monkeypatch.delenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD")  # found through its entry point
    pytester.makepyfile(test_probe='''
        import socket
        import sys

        def test_nothing_wrapped(pytestconfig):
            assert pytestconfig.pluginmanager.has_plugin("lint_sockets")
            assert "recv" not in socket.socket.__dict__
            assert "connect" not in socket.socket.__dict__
            assert "libcst" not in sys.modules
            assert "lint_sockets.faults.inject" not in sys.modules
            assert "lint_sockets.engine" not in sys.modules
    ''')
    result = pytester.runpytest_subprocess()
    result.assert_outcomes(passed=1)
    assert "socket faults" not in result.stdout.str()


def test_plugin_module_imports_only_the_standard_library_and_pytest():
    code = ("import sys, pytest; before = set(sys.modules); "
            "import lint_sockets.faults.plugin; "
            "print(sorted(m for m in set(sys.modules) - before "
            "if not m.startswith(('lint_sockets', 'argparse'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"


# Each bug of the server, with its fault and rule; the correct server reports nothing.

@pytest.mark.parametrize("fault, bug, rule, outcomes, site", [
    pytest.param("eof", EOF_BUG, "SCK101", {"spin"}, "buf += conn.recv(1024)",
                 marks=pytest.mark.slow),
    ("short-send", SEND_BUG, "SCK601", {"failed"}, "conn.send(read_line"),
    pytest.param("accept-abort", ACCEPT_BUG, "SCK501", {"failed", "hang"},
                 "listener.accept()", marks=pytest.mark.slow),
])
def test_server_bug_is_reported_with_its_fault_and_rule(pytester, fault, bug, rule, outcomes,
                                                        site):
    buggy = variant(SERVER, bug)
    project(pytester, {"server": SERVER, "server_bad": buggy},
            {"server": SERVER_TEST.format(module="server"),
             "server_bad": SERVER_TEST.format(module="server_bad")})
    result, entries = replay_run(pytester, f"--socket-faults={fault}")
    assert result.ret == 1, result.stdout.str()
    assert [(e["test"], e["fault"], e["file"], e["line"], e["rule"]) for e in entries] == [
        ("tests/test_server_bad.py::test_upper", fault, "netapp/server_bad.py",
         line_of(buggy, site), rule)]
    assert entries[0]["outcome"] in outcomes
    result.stdout.fnmatch_lines([
        f"netapp/server_bad.py:{line_of(buggy, site)}: {fault} -> * ({rule}) "
        "in tests/test_server_bad.py::test_upper"])


@pytest.mark.slow
def test_framing_reader_that_trusts_recv_n_is_reported_under_short_recv(pytester):
    buggy = variant(CLIENT, FRAMING_BUG)
    project(pytester, {"client": CLIENT, "client_bad": buggy},
            {"client": CLIENT_TEST.format(module="client"),
             "client_bad": CLIENT_TEST.format(module="client_bad")})
    result, entries = replay_run(pytester, "--socket-faults=short-recv")
    assert {(e["file"], e["fault"], e["rule"]) for e in entries} == {
        ("netapp/client_bad.py", "short-recv", "SCK102")}
    assert {e["line"] for e in entries} == {line_of(buggy, "sock.recv(length)")}
    assert {e["outcome"] for e in entries} <= {"failed", "thread-error"}


@pytest.mark.slow
def test_connect_that_never_reads_so_error_is_reported_under_connect_fail(pytester):
    correct = variant(CLIENT, CONNECT_ONLY)
    buggy = variant(correct, SO_ERROR_BUG)
    project(pytester, {"client": correct, "client_bad": buggy},
            {"client": CLIENT_TEST.format(module="client"),
             "client_bad": CLIENT_TEST.format(module="client_bad")})
    result, entries = replay_run(pytester, "--socket-faults=connect-fail")
    assert plain(entries) == [(
        "tests/test_client_bad.py::test_forward", "connect-fail", "netapp/client_bad.py",
        line_of(buggy, "sock.connect(address)"), "thread-error", "SCK301")]
    # the correct client was replayed too: its retry after the refused connect succeeds
    result.stdout.fnmatch_lines(["*netapp/client.py:* connect-fail: passed * -> no finding"])


@pytest.mark.slow
def test_faults_reach_asyncio_and_socketserver_code(pytester):
    async_bad = variant(ASYNC, ASYNC_EOF_BUG)
    handler_bad = variant(HANDLER, HANDLER_EOF_BUG)
    project(pytester, {"aio": ASYNC, "aio_bad": async_bad, "handler": HANDLER,
                       "handler_bad": handler_bad},
            {"aio": ASYNC_TEST.format(module="aio"),
             "aio_bad": ASYNC_TEST.format(module="aio_bad"),
             "handler": HANDLER_TEST.format(module="handler"),
             "handler_bad": HANDLER_TEST.format(module="handler_bad")})
    result, entries = replay_run(pytester, "--socket-faults=eof")
    assert plain(entries, "file", "line", "fault", "outcome", "rule") == [
        ("netapp/aio_bad.py", line_of(async_bad, "sock_recv"), "eof", "spin", "SCK101"),
        ("netapp/handler_bad.py", line_of(handler_bad, "readline()"), "eof", "spin",
         "SCK101"),
    ]
    # the correct variants were reached and replayed
    result.stdout.fnmatch_lines_random([
        f"*netapp/aio.py:{line_of(ASYNC, 'sock_recv')} eof: * -> no finding",
        f"*netapp/handler.py:{line_of(HANDLER, 'for line')} eof: * -> no finding",
    ])


@pytest.mark.slow
def test_nonblocking_reader_that_takes_eagain_for_an_error_is_reported(pytester):
    buggy = variant(PUMP, EAGAIN_BUG)
    project(pytester, {"pump": PUMP, "pump_bad": buggy},
            {"pump": PUMP_TEST.format(module="pump"),
             "pump_bad": PUMP_TEST.format(module="pump_bad")})
    result, entries = replay_run(pytester, "--socket-faults=eagain,short-send")
    assert plain(entries) == [(
        "tests/test_pump_bad.py::test_pump", "eagain", "netapp/pump_bad.py",
        line_of(buggy, "sock.recv(4096)"), "failed", "SCK201")]
    text = result.stdout.str()
    for name, source in (("pump", PUMP), ("pump_bad", buggy)):
        assert f"netapp/{name}.py:{line_of(source, 'sock.send(view)')} short-send: passed" \
            in text
        assert f"netapp/{name}.py:{line_of(source, 'sock.send(view)')} eagain: passed" in text


@pytest.mark.slow
def test_correct_variants_report_nothing_under_every_fault(pytester):
    project(pytester, {"server": SERVER, "client": CLIENT, "aio": ASYNC,
                       "handler": HANDLER, "pump": PUMP},
            {"server": SERVER_TEST.format(module="server"),
             "client": CLIENT_TEST.format(module="client"),
             "aio": ASYNC_TEST.format(module="aio"),
             "handler": HANDLER_TEST.format(module="handler"),
             "pump": PUMP_TEST.format(module="pump")})
    result, entries = replay_run(pytester, "--socket-faults")
    assert entries == [], result.stdout.str()
    assert result.ret == 0
    text = result.stdout.str()
    for fault in FAULTS:
        assert f" {fault}: " in text, fault
    assert "no fault changed the outcome of a test" in text


# Confirming lint-sockets findings.

@pytest.mark.slow
def test_socket_faults_from_confirms_lint_findings(pytester):
    buggy = variant(SERVER, EOF_BUG, SEND_BUG)
    untested = variant(SERVER, ACCEPT_BUG, PUBLIC_BIND)
    framing = variant(CLIENT, FRAMING_BUG)
    project(pytester, {"server_bad": buggy, "untested": untested, "client_bad": framing},
            {"server_bad": SERVER_TEST.format(module="server_bad"),
             "client_bad": CLIENT_TEST.format(module="client_bad")})
    lint = subprocess.run(
        [sys.executable, "-m", "lint_sockets", "--extend-select", "SCK102,SCK601",
         "--output-format", "json", "--no-cache", "netapp"],
        cwd=pytester.path, capture_output=True, text=True)
    assert lint.returncode == 1, lint.stderr
    codes = sorted((f["code"], os.path.basename(f["filename"]), f["location"]["row"])
                   for f in json.loads(lint.stdout))
    assert codes == [("SCK101", "server_bad.py", line_of(buggy, "conn.recv")),
                     ("SCK102", "client_bad.py", line_of(framing, "sock.recv(length)")),
                     ("SCK501", "untested.py", line_of(untested, "listener.accept")),
                     ("SCK601", "server_bad.py", line_of(buggy, "conn.send("))]
    pytester.path.joinpath("lint.json").write_text(lint.stdout)
    result, entries = replay_run(pytester, "--socket-faults", "--socket-faults-from=lint.json")
    test = "tests/test_server_bad.py::test_upper"
    result.stdout.fnmatch_lines_random([
        f"netapp/server_bad.py:{line_of(buggy, 'conn.recv')}:*: SCK101 confirmed by {test} "
        "(spin)",
        f"netapp/server_bad.py:{line_of(buggy, 'conn.send(')}:*: SCK601 confirmed by {test} "
        "(failed)",
        f"netapp/untested.py:{line_of(untested, 'listener.accept')}:*: SCK501 not reached "
        "by any test",
        f"netapp/client_bad.py:{line_of(framing, 'sock.recv(length)')}:*: SCK102 confirmed by "
        "tests/test_client_bad.py::test_forward (*)",
    ])
    # only the flagged lines, with the faults of their rules, were replayed
    assert plain(entries, "fault", "rule") == [("eof", "SCK101"), ("short-recv", "SCK102"),
                                               ("short-send", "SCK601")]
    assert " accept-abort: " not in result.stdout.str()


def test_socket_faults_from_rejects_what_is_not_lint_sockets_json(pytester):
    pytester.makepyfile(test_a="def test_a():\n    pass\n")
    pytester.path.joinpath("bad.json").write_text('{"code": "SCK101"}')
    result = pytester.runpytest_subprocess("-p", "lint_sockets.faults.plugin", "--socket-faults",
                                           "--socket-faults-from=bad.json")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--socket-faults-from: *bad.json: expected the JSON array*"])
    assert "Traceback" not in result.stderr.str()


# Options.

def test_unknown_fault_is_a_usage_error(pytester):
    pytester.makepyfile(test_a="def test_a():\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "lint_sockets.faults.plugin",
                                           "--socket-faults=eof,drop")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*--socket-faults: unknown fault drop; the faults are "
                                 "short-send, short-recv, *"])


def test_a_test_path_after_the_option_is_explained(pytester):
    pytester.makepyfile(test_a="def test_a():\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "lint_sockets.faults.plugin", "--socket-faults",
                                           "test_a.py")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*it looks like a test path*"])


@pytest.mark.slow
def test_seed_is_printed_and_the_report_is_the_same_each_run(pytester):
    buggy = variant(CLIENT, FRAMING_BUG)
    project(pytester, {"client_bad": buggy},
            {"client_bad": CLIENT_TEST.format(module="client_bad")})
    first, entries = replay_run(pytester, "--socket-faults=short-recv",
                                "--socket-faults-seed=7")
    first.stdout.fnmatch_lines(["socket-faults: short-recv; code under test: .; seed 7 "
                                "(--socket-faults-seed=7 repeats this run)"])
    again, entries_again = replay_run(pytester, "--socket-faults=short-recv",
                                      "--socket-faults-seed=7")

    # The plugin's own choices repeat exactly: the same faults at the same sites, for the
    # same rules. How the code under test fails may not (its client thread and the test
    # race to notice the broken frame first: `failed` one run, `thread-error` the next, as
    # the docs' Determinism section says).
    def chosen(found):
        return [{k: v for k, v in e.items() if k != "outcome"} for e in found]

    assert entries and chosen(entries) == chosen(entries_again)
    assert {e["outcome"] for e in entries + entries_again} <= {"failed", "thread-error"}


@pytest.mark.slow
def test_max_runs_and_later_calls(pytester):
    buggy = variant(SERVER, EOF_BUG, SEND_BUG)
    two = SERVER_TEST.format(module="server_bad") + '''

def test_two_clients(address):
    assert ask(address, b"a\\n") == b"A\\n"
    assert ask(address, b"b\\n") == b"B\\n"
'''
    project(pytester, {"server_bad": buggy}, {"server_bad": two})
    result, entries = replay_run(pytester, "--socket-faults=eof,short-send",
                                 "--socket-faults-call=2", "--socket-faults-max-runs=1",
                                 "-k", "two_clients")
    # the second call at the recv site is faulted: the first client is served
    assert plain(entries, "test", "fault") == [
        ("tests/test_server_bad.py::test_two_clients", "eof")]
    result.stdout.fnmatch_lines(["1 faults at reached sites not replayed: "
                                "--socket-faults-max-runs=1"])


def test_code_under_test_can_be_chosen(pytester):
    buggy = variant(SERVER, SEND_BUG)
    project(pytester, {"server_bad": buggy},
            {"server_bad": SERVER_TEST.format(module="server_bad")})
    pytester.mkpydir("other")
    result, entries = replay_run(pytester, "--socket-faults=short-send",
                                 "--socket-faults-in=other")
    assert entries == []
    result.stdout.fnmatch_lines(["*0 faulted runs of 0 tests*"])


def test_a_test_that_fails_alone_is_not_replayed(pytester):
    buggy = variant(SERVER, SEND_BUG)
    test = SERVER_TEST.format(module="server_bad").replace(
        "def test_upper(address):\n", "def test_upper(address):\n    assert STATE\n")
    test += "\n\nSTATE = []\n\n\ndef test_first():\n    STATE.append(1)\n"
    project(pytester, {"server_bad": buggy}, {"server_bad": test})
    result, entries = replay_run(pytester, "--socket-faults=short-send", "-p", "no:randomly",
                                 "tests/test_server_bad.py::test_first",
                                 "tests/test_server_bad.py::test_upper")
    result.assert_outcomes(passed=2)
    assert entries == []
    result.stdout.fnmatch_lines(["not replayed: tests/test_server_bad.py::test_upper does "
                                 "not pass when run alone: it is failed"])


# The pieces.

def test_faults_split_into_legal_and_peer():
    assert LEGAL | PEER == set(FAULTS) and not LEGAL & PEER
    assert LEGAL == {"short-send", "short-recv", "eagain", "accept-abort"}


@pytest.mark.parametrize("fault, method, ssl, rule", [
    ("eof", "recv", False, "SCK101"), ("short-send", "send", False, "SCK601"),
    ("accept-abort", "accept", False, "SCK501"), ("eagain", "recv", False, "SCK201"),
    ("eagain", "sendall", False, "SCK603"), ("eagain", "recv", True, "SCK203"),
    ("connect-fail", "connect", False, "SCK301"),
    ("connect-fail", "connect_ex", False, "SCK602"), ("reset", "send", False, "SCK402"),
    ("short-recv", "recv", False, "SCK102"), ("timeout", "recv", False, None),
])
def test_rule_of_each_fault(fault, method, ssl, rule):
    assert report.rule_for(fault, method, ssl) == rule


def test_every_rule_a_fault_confirms_is_the_rule_of_that_fault():
    from lint_sockets.rules import registry

    rules = registry()
    for code, faults in report.RULE_FAULTS.items():
        assert code in rules and faults and set(faults) <= set(FAULTS), code
    for fault in FAULTS:
        for method in ("recv", "send", "sendall", "accept", "connect", "connect_ex"):
            for ssl in (False, True):
                code = report.rule_for(fault, method, ssl)
                assert code is None or fault in report.RULE_FAULTS[code], (fault, method)


def _run(**fields):
    run = replay.Run()
    run.fired = {"method": "recv", "ssl": False}
    run.outcome = "passed"
    for key, value in fields.items():
        setattr(run, key, value)
    return run


def test_judge_counts_any_change_under_legal_faults_and_only_hangs_under_peer_faults():
    base = _run()
    assert replay.judge("short-send", base, _run(outcome="failed")) == "failed"
    assert replay.judge("eof", base, _run(outcome="failed")) is None
    assert replay.judge("eof", base, _run(killed="spin")) == "spin"
    assert replay.judge("reset", base, _run(killed="hang")) == "hang"
    assert replay.judge("reset", base, _run(thread_errors=["X in thread T"])) == \
        "thread-error"
    assert replay.judge("eof", base, _run(idle_share=0.9)) == "spin"
    # not injected, or the same errors as without a fault: nothing to report
    assert replay.judge("short-send", base, _run(outcome="failed", fired=None)) is None
    noisy = _run(thread_errors=["X in thread T"], idle_share=0.9)
    assert replay.judge("eof", noisy, _run(thread_errors=["X in thread T"],
                                           idle_share=0.9)) is None


_BUSY = "import time\nend = time.monotonic() + 30\nwhile time.monotonic() < end: pass\n"


@pytest.mark.skipif(replay.thread_demand("self") is None,
                    reason="the system gives no per-thread run-queue times")
def test_a_background_spin_is_told_from_a_wait_however_loaded_the_machine():
    """Both cores busy with other processes (as with parallel test workers): a thread that
    spins still counts as a spin, a thread that waits does not."""
    hogs = [subprocess.Popen([sys.executable, "-c", _BUSY])
            for _ in range(2 * (os.cpu_count() or 1))]
    stop = threading.Event()
    try:
        waiter = threading.Thread(target=stop.wait, daemon=True)
        waiter.start()
        assert replay._idle_share() < replay.SPIN_SHARE
        spinner = threading.Thread(target=lambda: [0 for _ in iter(stop.is_set, True)],
                                   daemon=True)
        spinner.start()
        assert replay._idle_share() >= 2 * replay.SPIN_SHARE  # what judge() calls a spin
        before = replay.thread_demand("self")
        time.sleep(0.2)
        assert 0.1 < replay.demand_since(before, replay.thread_demand("self")) < 0.5
    finally:
        stop.set()
        for hog in hogs:
            hog.kill()
            hog.wait()


def test_child_arguments_drop_selection_and_fault_options():
    args = ["-x", "tests/test_a.py", "--socket-faults=eof", "-k", "foo", "-v",
            "--socket-faults-timeout", "3", "--maxfail=2", "-p", "xdist", "-n", "2",
            "--basetemp=/tmp/b", "-o", "addopts=", "--junitxml", "out.xml", "-kbar"]
    assert replay.child_arguments(args, ["tests/test_a.py"]) == [
        "-v", "-p", "xdist", "-o", "addopts="]


def test_scope_is_the_project_without_tests_venvs_and_the_standard_library(tmp_path):
    import socket as socket_module

    (tmp_path / "pkg").mkdir()
    scope = inject.Scope([tmp_path])
    assert scope.kind(str(tmp_path / "pkg" / "server.py")) == "under"
    assert scope.kind(str(tmp_path / "server.py")) == "under"
    for path in ("tests/helpers.py", "pkg/test_server.py", "pkg/server_test.py",
                 "conftest.py", ".venv/lib/site-packages/x.py", "build/lib/pkg/x.py",
                 "pkg/.hidden/x.py"):
        assert scope.kind(str(tmp_path / path)) is None, path
    assert scope.kind(socket_module.__file__) == "stdlib"
    assert scope.kind(inject.__file__) is None
    assert scope.kind("<string>") is None
    chosen = inject.Scope([tmp_path / "pkg"], files=[tmp_path / "tests" / "helpers.py"])
    assert chosen.kind(str(tmp_path / "pkg" / "server.py")) == "under"
    assert chosen.kind(str(tmp_path / "server.py")) is None
    assert chosen.kind(str(tmp_path / "tests" / "helpers.py")) == "under"


def test_read_findings_takes_lint_sockets_json(tmp_path):
    path = tmp_path / "lint.json"
    path.write_text(json.dumps([{
        "code": "SCK101", "message": "m", "filename": "pkg/a.py",
        "location": {"row": 3, "column": 9}, "end_location": {"row": 4, "column": 1},
        "fix": None, "url": None, "noqa_row": 3}]))
    (finding,) = report.read_findings(path, str(tmp_path))
    assert finding.filename == os.path.join(str(tmp_path), "pkg/a.py")
    real = os.path.normcase(os.path.realpath(finding.filename))
    assert finding.covers(real, 4, "eof") and not finding.covers(real, 5, "eof")
    assert not finding.covers(real, 3, "reset")
    for bad in ("[1]", "{}", "not json", '[{"code": "SCK101"}]'):
        path.write_text(bad)
        with pytest.raises(report.FindingsError):
            report.read_findings(path, str(tmp_path))
    with pytest.raises(report.FindingsError, match="cannot read"):
        report.read_findings(tmp_path / "missing.json", str(tmp_path))


# The faults themselves, injected in this process at calls made from this file.

@pytest.fixture
def injecting():
    """Inject one fault at a call site of this file: yields set(line, fault)."""
    state = inject.STATE
    saved = (state.mode, state.scope, state.target, state.nth, state.seen, state.fired)
    state.scope = inject.Scope(files=[__file__])
    fired = []
    state.on_fire = fired.append
    inject.install()

    def target(line, fault, nth=1):
        state.target = (__file__, line, fault)
        state.nth, state.seen, state.fired = nth, 0, None
        state.rng = inject.seeded_random(0, "t", line, fault)
        state.mode = "inject"
        fired.clear()
        return fired

    try:
        yield target
    finally:
        inject.uninstall()
        state.mode, state.scope, state.target, state.nth, state.seen, state.fired = saved
        state.on_fire = lambda fired: None


def _lineno():
    return sys._getframe(1).f_lineno + 1


def test_eof_is_sticky_for_reads_and_leaves_writes_working(injecting):
    import socket

    a, b = socket.socketpair()
    with a, b:
        a.settimeout(5)
        b.sendall(b"data")
        fired = injecting(_lineno(), "eof")
        first = a.recv(10)
        assert first == b"" and fired == [{"method": "recv", "ssl": False}]
        assert a.recv(10) == b""
        assert a.recv_into(bytearray(4)) == 0
        a.sendall(b"still")  # a peer that closed may still read
        assert b.recv(10) == b"still"


def test_reset_raises_then_reads_end_and_writes_fail(injecting):
    import socket

    a, b = socket.socketpair()
    with a, b:
        a.settimeout(5)
        injecting(_lineno() + 1, "reset")
        with pytest.raises(ConnectionResetError):
            a.recv(10)
        assert a.recv(10) == b""
        with pytest.raises(BrokenPipeError):
            a.send(b"x")


def test_short_recv_returns_part_and_leaves_the_rest(injecting):
    import socket

    a, b = socket.socketpair()
    with a, b:
        a.settimeout(5)
        b.sendall(b"0123456789")
        time_line = _lineno()
        injecting(time_line + 1, "short-recv")
        part = a.recv(100)
        assert 1 <= len(part) < 10
        assert part + a.recv(100) == b"0123456789"


def test_short_send_writes_part_and_returns_its_count(injecting):
    import socket

    a, b = socket.socketpair()
    with a, b:
        injecting(_lineno(), "short-send")
        sent = a.send(b"0123456789")
        assert 1 <= sent < 10
        assert b.recv(100) == b"0123456789"[:sent]


def test_eagain_and_accept_abort_happen_once(injecting):
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    with listener:
        client = socket.create_connection(listener.getsockname())
        injecting(_lineno() + 2, "accept-abort")
        for attempt in range(2):
            try:
                conn, _ = listener.accept()
            except ConnectionAbortedError:
                assert attempt == 0
        with conn, client:
            conn.setblocking(False)
            client.sendall(b"x")
            injecting(_lineno() + 2, "eagain")
            for attempt in range(2):
                try:
                    data = conn.recv(10)
                except BlockingIOError:
                    assert attempt == 0
            assert data == b"x"


def test_connect_fail_reports_in_progress_then_refused(injecting):
    import select
    import socket

    listener = socket.create_server(("127.0.0.1", 0))
    with listener, socket.socket() as sock:
        sock.setblocking(False)
        injecting(_lineno() + 1, "connect-fail")
        with pytest.raises(BlockingIOError):
            sock.connect(listener.getsockname())
        select.select([], [sock], [], 2)
        assert sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == errno.ECONNREFUSED


def test_legal_faults_skip_calls_the_standard_library_makes(injecting):
    import socket

    a, b = socket.socketpair()
    with a, b:
        a.settimeout(5)
        b.sendall(b"abcd")
        fired = injecting(_lineno(), "short-recv")
        assert a.makefile("rb").read(2) == b"ab"  # SocketIO makes the recv_into call
        assert not fired
        fired = injecting(_lineno(), "eof")
        assert a.makefile("rb").read(2) == b""  # the peer's failures go through
        assert fired


@pytest.mark.slow
def test_each_fault_at_each_site_is_replayed_with_one_test_by_default(pytester):
    two = SERVER_TEST.format(module="server") + '''

def test_two_clients(address):
    assert ask(address, b"a\\n") == b"A\\n"
    assert ask(address, b"b\\n") == b"B\\n"
'''
    project(pytester, {"server": SERVER}, {"server": two})
    result, entries = replay_run(pytester, "--socket-faults=accept-abort")
    assert entries == []
    replays = [line for line in result.stdout.lines if " accept-abort: " in line]
    assert len(replays) == 1, replays
    result, _ = replay_run(pytester, "--socket-faults=accept-abort",
                           "--socket-faults-per-site=0")
    assert len([line for line in result.stdout.lines if " accept-abort: " in line]) == 2


def test_docs_page_lists_every_option():
    from lint_sockets.faults import plugin

    class Group:
        def __init__(self):
            self.names = set()

        def addoption(self, name, **kwargs):
            if kwargs.get("help") is not argparse.SUPPRESS:
                self.names.add(name)

    group = Group()

    class Parser:
        def getgroup(self, *args):
            return group

    plugin.pytest_addoption(Parser())
    offered = group.names
    page = (ROOT / "docs" / "fault-replay.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\| `(--socket-faults[a-z-]*)", page, flags=re.M))
    assert offered == documented
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/fault-replay.md" in readme


def test_errors_count_in_threads_and_tasks_the_code_under_test_owns(tmp_path, monkeypatch):
    import asyncio
    import gc
    import importlib
    import threading

    (tmp_path / "owned_code.py").write_text(
        "def boom():\n    raise ConnectionResetError('reset')\n\n\n"
        "async def task_boom():\n    boom()\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    owned_code = importlib.import_module("owned_code")
    monkeypatch.setattr(inject.STATE, "scope", inject.Scope(files=[tmp_path / "owned_code.py"]))
    monkeypatch.setattr(threading, "excepthook", lambda args: None)
    errors = []
    with replay.error_hooks(errors):
        thread = threading.Thread(target=owned_code.boom, name="server")
        thread.start()
        thread.join()
        assert errors == ["ConnectionResetError in thread server"]

        def test_owned_thread():  # a thread the test started: the test's to handle
            owned_code.boom()

        thread = threading.Thread(target=test_owned_thread)
        thread.start()
        thread.join()
        assert len(errors) == 1

        async def main():
            asyncio.get_running_loop().set_exception_handler(lambda loop, context: None)
            task = asyncio.ensure_future(owned_code.task_boom())
            await asyncio.sleep(0.01)
            del task
            gc.collect()

        asyncio.run(main())
    assert errors[1:] == ["ConnectionResetError in an asyncio task or callback"]


def test_ssl_sockets_get_eof_and_want_read_instead_of_eagain(injecting, tmp_path):
    import shutil
    import socket
    import ssl
    import threading

    if shutil.which("openssl") is None:
        pytest.skip("needs the openssl command to make a certificate")
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    str(key), "-out", str(cert), "-days", "1", "-subj", "/CN=localhost"],
                   check=True, capture_output=True)
    server_context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_context.load_cert_chain(cert, key)
    client_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    client_context.check_hostname = False
    client_context.verify_mode = ssl.CERT_NONE
    a, b = socket.socketpair()
    a.settimeout(5)
    b.settimeout(5)
    clients = []
    thread = threading.Thread(target=lambda: clients.append(client_context.wrap_socket(b)))
    thread.start()
    server = server_context.wrap_socket(a, server_side=True)
    thread.join()
    with server, clients[0] as client:
        client.sendall(b"hello")
        fired = injecting(_lineno(), "eof")
        assert server.recv(10) == b""
        assert fired == [{"method": "recv", "ssl": True}]
        assert server.recv(10) == b""
        server.sendall(b"bye")  # writes still go
        assert client.recv(10) == b"bye"
        client.setblocking(False)
        injecting(_lineno() + 1, "eagain")
        with pytest.raises(ssl.SSLWantReadError):
            client.recv(10)
