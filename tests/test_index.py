"""The project index: module summaries from ``ast`` and the questions asked of them."""

import ast
import json
import pickle
import textwrap

import pytest

from lint_sockets.analysis.index import (
    MAX_DEPTH, NOT_FOUND, ClassSummary, EnvDefault, ErrnoName, EofAction, FunctionSummary,
    ModuleSummary, PackedSummary, ProjectIndex, Setting,
    SocketType, ValueKind, module_name_for, summarise, summary_text,
)


def build(tmp_path, files, packed=False):
    """Write ``files`` (relative path -> source) under tmp_path and index them (``packed``:
    the index is given PackedSummary values, as a project gives it)."""
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
        if packed:
            text = summary_text(summary.to_json())
            summaries[name] = PackedSummary.of(summaries[name], text)
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
    # a directory with no __init__.py inside a package is a namespace package (Python 3)
    assert module_name_for(root, str(tmp_path / "pkg/enums/codes.py")) == \
        ("pkg.enums.codes", False)
    assert module_name_for(root, str(tmp_path / "pkg/sub/a/b/c.py")) == ("pkg.sub.a.b.c", False)
    # outside any package it is not one: scripts/, src/
    assert module_name_for(root, str(tmp_path / "scripts/tools/run.py")) == ("run", False)
    assert module_name_for(root, str(tmp_path / "pkg/not-a-name/x.py")) == ("x", False)


# ---- resolution ------------------------------------------------------------------------------

def test_resolve_through_imports_reexports_relative_and_star(tmp_path):
    index = build(tmp_path, {
        **package("app", "app/net"),
        "app/net/__init__.py": "from .sockets import make_socket\nfrom .sockets import *\n",
        "app/net/sockets.py": """
            import socket
            __all__ = ["make_socket", "Listener"]
            def make_socket(host):
                return socket.create_connection((host, 80))
            class Listener:
                pass
            class Hidden:
                pass
        """,
        "app/client.py": """
            from app.net import make_socket as mk
            from .net import Listener
            from . import net
            import app.net.sockets
            import socket as s
            from socket import socket as Sock
        """,
        "app/other.py": "from app.net.sockets import *\nfrom .private import *\n",
        "app/private.py": "def _helper():\n    pass\ndef public():\n    pass\n",
    })
    assert index.resolve("app.client", "mk") == "app.net.sockets.make_socket"
    assert index.resolve("app.client", "Listener") == "app.net.sockets.Listener"
    assert index.resolve("app.client", "net.make_socket") == "app.net.sockets.make_socket"
    assert index.resolve("app.client", "app.net.sockets.make_socket") == \
        "app.net.sockets.make_socket"
    assert index.resolve("app.client", "s.socket") == "socket.socket"
    assert index.resolve("app.client", "Sock") == "socket.socket"
    assert index.resolve("app.other", "Listener") == "app.net.sockets.Listener"
    assert index.resolve("app.other", "Hidden") is None  # not in __all__
    assert index.resolve("app.other", "public") == "app.private.public"
    assert index.resolve("app.other", "_helper") is None  # star imports skip _names
    assert index.resolve("app.client", "nothing") is None
    assert index.resolve("no.such.module", "x") is None
    assert index.function_of("app.net.make_socket") is index.function_of(
        "app.net.sockets.make_socket")
    assert index.class_of("app.net.Listener") is not None


def test_an_import_no_root_module_answers_is_found_beside_the_importer(tmp_path):
    # a program run as a script from chat/ imports its siblings by their own names
    index = build(tmp_path, {
        **package("chat", "chat/common", "chat/server"),
        "chat/common/settings.py": "HOST = '127.0.0.1'\n",
        "chat/helpers.py": "def run():\n    pass\n",
        "chat/json.py": "def dumps(x):\n    return x\n",
        "chat/server/core.py": """
            from common.settings import *
            from common import settings
            import helpers
            import json
            from requests import get
        """,
        "chat/server/helpers.py": "def run():\n    pass\n",
        "chat/server/__init__.py": "from common.settings import HOST as DEFAULT_HOST\n",
    })
    assert index.resolve("chat.server.core", "HOST") == "chat.common.settings.HOST"
    assert index.constant("chat.server.core", "HOST") == "127.0.0.1"
    assert index.resolve("chat.server.core", "settings.HOST") == "chat.common.settings.HOST"
    # the nearest package holding the name wins
    assert index.resolve("chat.server.core", "helpers.run") == "chat.server.helpers.run"
    # a package module looks from its own package outwards
    assert index.resolve("chat.server", "DEFAULT_HOST") == "chat.common.settings.HOST"
    # the standard library's names, and names no package holds, are left as imported
    assert index.resolve("chat.server.core", "json.dumps") == "json.dumps"
    assert index.resolve("chat.server.core", "get") == "requests.get"


def test_import_cycles_and_self_reexports_terminate(tmp_path):
    index = build(tmp_path, {
        **package("p"),
        "p/a.py": "from .b import thing\nfrom .b import *\n",
        "p/b.py": "from .a import thing\nfrom .a import *\n",
        "p/c.py": "from .c import me\n",
    })
    # a name only the cycle mentions: the resolution ends, and no summary is behind it
    assert index.resolve("p.a", "thing") == "p.a.thing"
    assert index.resolve("p.a", "missing") is None
    assert index.function_of("p.a.thing") is None
    assert index.class_of("p.a.thing") is None
    assert index.resolve("p.c", "me") == "p.c.me"
    assert index.returns("p.c.me").kind is ValueKind.UNKNOWN
    assert index.constant("p.a", "thing") is NOT_FOUND


# ---- what functions return -------------------------------------------------------------------

FACTORIES = {
    **package("pkg"),
    "pkg/__init__.py": "from .net import make_socket, make_udp\n",
    "pkg/net.py": """
        import socket
        import ssl
        from socket import socket as S, SOCK_DGRAM

        def make_socket(host):
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            sock.settimeout(5.0)
            sock.connect((host, 1))
            return sock

        def make_udp():
            return S(socket.AF_INET, SOCK_DGRAM)

        def make_tls(host, context):
            raw = make_socket(host)
            return context.wrap_socket(raw, server_hostname=host)

        def accept_one(listener):
            return listener.accept()[0]

        def accept_pair(listener):
            conn, addr = listener.accept()
            return conn

        def maybe(host):
            if not host:
                return None
            return socket.create_connection((host, 1))

        def same(x):
            return x

        def either(udp):
            if udp:
                return make_udp()
            return socket.socket()

        def mixed(x):
            if x:
                return make_socket(x)
            return x

        def unknown():
            return compute()
    """,
    "pkg/client.py": """
        from pkg import make_socket
        from . import net

        class Session:
            pass

        def connect(host):
            return make_socket(host)

        def connect_udp():
            return net.make_udp()

        def session():
            return Session()

        def forever(host):
            return forever(host)

        def a():
            return b()

        def b():
            return a()
    """,
}


def test_returns_sockets_from_factories_across_modules(tmp_path):
    index = build(tmp_path, FACTORIES)
    made = index.returns("pkg.net.make_socket")
    assert (made.kind, made.socket, made.ssl) == (ValueKind.SOCKET, SocketType.STREAM, False)
    udp = index.returns("pkg.make_udp")
    assert (udp.kind, udp.socket) == (ValueKind.SOCKET, SocketType.DATAGRAM)
    tls = index.returns("pkg.net.make_tls")
    assert (tls.kind, tls.ssl) == (ValueKind.SOCKET, True)
    assert index.returns("pkg.net.accept_one").kind is ValueKind.SOCKET
    assert index.returns("pkg.net.accept_pair").kind is ValueKind.SOCKET
    assert index.returns("pkg.net.maybe").kind is ValueKind.SOCKET
    same = index.returns("pkg.net.same")
    assert (same.kind, same.param) == (ValueKind.PARAM, 0)
    assert index.returns("pkg.net.unknown").kind is ValueKind.UNKNOWN
    either = index.returns("pkg.net.either")  # a socket, of a type that depends
    assert (either.kind, either.socket) == (ValueKind.SOCKET, SocketType.UNKNOWN)
    assert index.returns("pkg.net.mixed").kind is ValueKind.UNKNOWN
    # transitively, through a package re-export and a module import
    assert index.returns("pkg.client.connect").socket is SocketType.STREAM
    assert index.returns("pkg.client.connect_udp").socket is SocketType.DATAGRAM
    session = index.returns("pkg.client.session")
    assert (session.kind, session.name) == (ValueKind.INSTANCE, "pkg.client.Session")
    # recursion terminates
    assert index.returns("pkg.client.forever").kind is ValueKind.UNKNOWN
    assert index.returns("pkg.client.a").kind is ValueKind.UNKNOWN
    assert index.returns("pkg.client.missing").kind is ValueKind.UNKNOWN


def test_factory_chains_stop_at_the_depth_bound(tmp_path):
    lines = ["import socket", "def f0():", "    return socket.socket()"]
    for i in range(1, MAX_DEPTH + 4):
        lines += [f"def f{i}():", f"    return f{i - 1}()"]
    index = build(tmp_path, {"chain.py": "\n".join(lines) + "\n"})
    assert index.returns("chain.f1").kind is ValueKind.SOCKET
    assert index.returns(f"chain.f{MAX_DEPTH}").kind is ValueKind.SOCKET
    assert index.returns(f"chain.f{MAX_DEPTH + 1}").kind is ValueKind.UNKNOWN
    assert index.returns(f"chain.f{MAX_DEPTH + 3}").kind is ValueKind.UNKNOWN
    # the same answers asked in the other order: memoising never changes them
    again = build(tmp_path, {"chain.py": "\n".join(lines) + "\n"})
    assert again.returns(f"chain.f{MAX_DEPTH + 1}").kind is ValueKind.UNKNOWN
    assert again.returns(f"chain.f{MAX_DEPTH}").kind is ValueKind.SOCKET


def test_returns_forwarded_reads_and_accepts(tmp_path):
    index = build(tmp_path, {
        "conn.py": """
            class Conn:
                def __init__(self, sock):
                    self.sock = sock

                def _read(self):
                    return self.sock.recv(4096)

                def read_from(self, other):
                    return other.recv_into(self.buf)

                def read_checked(self):
                    data = self.sock.recv(4096)
                    if not data:
                        raise EOFError("closed")
                    return data

                def read_or_none(self):
                    data = self.sock.recv(4096)
                    if data == b"":
                        return None
                    return data

                def read_unchecked(self):
                    data = self.sock.recv(4096)
                    return data

            class Transport:
                def accept(self):
                    return self.handle.accept()
        """,
    })
    read = index.returns("conn.Conn._read")
    assert (read.kind, read.name, read.method) == (ValueKind.READ, "sock", "recv")
    other = index.returns("conn.Conn.read_from")
    assert (other.kind, other.param, other.method) == (ValueKind.READ, 1, "recv_into")
    assert index.returns("conn.Conn.read_checked").kind is ValueKind.UNKNOWN
    assert index.reads_on_eof("conn.Conn.read_checked") is EofAction.RAISES
    assert index.reads_on_eof("conn.Conn.read_or_none") is EofAction.RETURNS
    assert index.reads_on_eof("conn.Conn._read") is None
    assert index.returns("conn.Conn.read_unchecked").kind is ValueKind.READ
    forwarded = index.returns("conn.Transport.accept")
    assert (forwarded.kind, forwarded.name, forwarded.method) == \
        (ValueKind.FORWARD, "handle", "accept")


# ---- classes -------------------------------------------------------------------------------

CLASSES = {
    **package("lib"),
    "lib/__init__.py": "from .stream import FramedStream\n",
    "lib/stream.py": """
        import socket
        import socketserver
        import ssl

        class FramedStream:
            def __init__(self, raw):
                self.raw = raw

            def send(self, data):
                view = memoryview(data)
                while view:
                    sent = self.raw.send(view)
                    view = view[sent:]

            def write(self, data):
                self.raw.sendall(data)

            def sendall(self, data):
                return self.raw.sendall(data)

        class Sloppy(FramedStream):
            def send(self, data):
                self.raw.send(data)

        class Inherits(FramedStream):
            pass

        class MySocket(socket.socket):
            pass

        class Deeper(MySocket):
            pass

        class Tls(ssl.SSLSocket):
            pass

        class Handler(socketserver.BaseRequestHandler):
            def handle(self):
                pass

        class Loop1(Loop2):
            pass

        class Loop2(Loop1):
            pass
    """,
    "lib/conn.py": """
        import socket
        from typing import Optional, Union
        from . import stream
        from .stream import Deeper
        from lib import FramedStream

        class Conn:
            peer: Optional[FramedStream]
            other: "Union[stream.Sloppy, None]"
            plain: socket.socket

            def __init__(self, sock, host):
                self.sock = sock
                self.stream = FramedStream(sock)
                self.made = Deeper()
                self.socket: "FramedStream | None" = None
                self.mixed: "FramedStream | socket.socket" = sock

            def connect(self, host):
                self._sock = socket.socket()
                self._sock.connect((host, 1))

            @property
            def _socket(self):
                return self._sock

            @property
            def size(self):
                return 3

        class Sub(Conn):
            pass

        class Annotated:
            def __init__(self, peer: "FramedStream", raw: socket.socket, other):
                self.peer = peer
                self.raw = raw
                self.other = other

            def accept_into(self, listener):
                self.client, self.address = listener.accept()

            def connect(self, addr):
                with socket.create_connection(addr) as sock:
                    self.last = sock
    """,
}


def test_bases_and_socket_classes(tmp_path):
    index = build(tmp_path, CLASSES)
    assert index.bases("lib.stream.Deeper") == {"lib.stream.MySocket", "socket.socket"}
    assert index.is_socket_class("lib.stream.Deeper")
    assert index.is_socket_class("lib.conn.Deeper")  # through the import
    assert index.is_socket_class("lib.stream.Tls")
    assert not index.is_socket_class("lib.stream.FramedStream")
    assert not index.is_socket_class("lib.stream.Handler")
    assert "socketserver.BaseRequestHandler" in index.bases("lib.stream.Handler")
    assert index.bases("lib.stream.Loop1") == {"lib.stream.Loop2"}  # a cycle ends
    assert not index.is_socket_class("lib.stream.Loop1")
    assert index.bases("lib.Sub") == set()  # no such class
    assert index.bases("lib.conn.Sub") == {"lib.conn.Conn"}


def test_methods_found_on_project_bases(tmp_path):
    index = build(tmp_path, CLASSES)
    assert index.function_of("lib.stream.Inherits.send") is \
        index.function_of("lib.stream.FramedStream.send")
    assert index.function_of("lib.conn.Sub.connect") is not None
    assert index.function_of("lib.stream.Loop1.anything") is None


def test_sends_everything(tmp_path):
    index = build(tmp_path, CLASSES)
    assert index.sends_everything("lib.stream.FramedStream", "send")
    assert index.sends_everything("lib.FramedStream", "write")
    assert index.sends_everything("lib.stream.FramedStream", "sendall")
    assert index.sends_everything("lib.stream.Inherits", "send")
    assert not index.sends_everything("lib.stream.Sloppy", "send")  # overrides, one send
    assert index.sends_everything("lib.stream.Sloppy", "write")
    assert not index.sends_everything("lib.stream.MySocket", "send")
    assert not index.sends_everything("lib.stream.Loop1", "send")


FRAMES = {
    **package("proto"),
    "proto/frames.py": """
        import struct
        from struct import pack as p

        IAC = b"\\xff"
        TEXT = "not bytes"

        def nop():
            return IAC + b"\\xf1"

        def naws(width, height):
            reply = IAC + b"\\xfa\\x1f" + struct.pack("!HH", width, height)
            return reply + IAC + b"\\xf0"

        def header(kind):
            if kind:
                return p("<iI", 0, kind)
            return bytes([0, 0]) * 4

        def greeting():
            return "HELO\\r\\n".encode()

        def one_char(code):
            return IAC + chr(code).encode("latin-1")

        def escaped():
            return "\\U0010ffff".encode("unicode_escape")

        def nothing_on_failure(ok):
            if not ok:
                return None
            return bytes(3)

        def option(command, opt):
            return IAC + command + bytes([opt])

        def grown(data):
            frame = b"ab"
            frame += data
            return frame

        def looped(items):
            for frame in items:
                return frame

        def text():
            return TEXT

        def dynamic(fields):
            return struct.pack("!%dI" % len(fields), *fields)

        def bad_format():
            return struct.pack("!Q?!x", 1)

        class Codec:
            def ack(self):
                return b"\\x06"
    """,
}


def test_payload_sizes_of_returned_frames(tmp_path):
    index = build(tmp_path, FRAMES)
    size = index.payload_size
    assert size("proto.frames.nop") == 2
    assert size("proto.frames.naws") == 9
    assert size("proto.frames.header") == 8
    assert size("proto.frames.greeting") == 4 * 6 + 4  # bound for any codec
    assert size("proto.frames.nothing_on_failure") == 3
    assert size("proto.frames.one_char") == 1 + 8
    assert size("proto.frames.Codec.ack") == 1
    for unbounded in ("option", "grown", "looped", "text", "dynamic", "bad_format",
                      "escaped"):
        assert size(f"proto.frames.{unbounded}") is None, unbounded
    assert size("proto.frames.missing") is None


MESSAGES = {
    "wire/__init__.py": "",
    "wire/requests.py": """
        import json
        import pickle
        import struct

        def hello(name):
            return ("HELO %s\\r\\n" % name).encode()

        def query(name):
            return pickle.dumps(("QUERY", (name,)))

        def lookup(key):
            request = json.dumps({"op": "get", "key": key})
            return request.encode()

        def numbers(start, end):
            return b"RANGE %d %d\\r\\n" % (start, end)

        def quit():
            return b"QUIT\\r\\n"

        def put(payload):
            return b"PUT %s\\r\\n" % payload

        def framed(body):
            return struct.pack("!I", len(body)) + body

        def passed(data):
            return data

        def bare(text):
            return ("%s" % text).encode()

        def line(name):
            return ("%s\\r\\n" % name).encode()

        def contents(f):
            return ("DATA " + f.read()).encode()

        def grown(name):
            request = "GET %s" % name
            request += name
            return request.encode()

        def joined(body):
            return b"".join([b"DATA ", body])

        def wrapped(data):
            return pickle.dumps([data])
    """,
}


def test_composed_messages_are_recorded(tmp_path):
    index = build(tmp_path, MESSAGES)

    def message(name):
        summary = index.function_of(f"wire.requests.{name}")
        return summary is not None and summary.message

    for composed in ("hello", "query", "lookup", "numbers", "line"):
        assert message(composed), composed
    assert index.payload_size("wire.requests.quit") == 6  # fixed: recorded as a size
    for carried in ("put", "framed", "passed", "bare", "contents", "grown", "joined",
                    "wrapped"):
        assert not message(carried), carried


FREE_PORTS = {
    "ports/__init__.py": "",
    "ports/net.py": """
        import socket
        from contextlib import closing

        def find_available_port(interface="localhost"):
            port = None
            s = socket.socket()
            try:
                s.bind((interface, 0))
                port = s.getsockname()[1]
            finally:
                s.close()
            return port

        def get_free_port_number():
            s = socket.socket(socket.AF_INET, type=socket.SOCK_STREAM)
            s.bind(("localhost", 0))
            _, port = s.getsockname()
            s.close()
            return port

        def host_of_free_address():
            s = socket.socket()
            s.bind(("localhost", 0))
            host, port = s.getsockname()
            return host

        def free_address():
            with closing(socket.socket()) as probe:
                probe.bind(("", 0))
                return probe.getsockname()

        def fixed_after_probe():
            s = socket.socket()
            s.bind(("", 0))
            s.close()
            return 8000

        def port_of(sock):
            return sock.getsockname()[1]

        def maybe_fixed(fixed):
            s = socket.socket()
            s.bind(("", 8000 if fixed else 0))
            return s.getsockname()[1]

        def two_sockets():
            s = socket.socket()
            s.bind(("", 0))
            s = socket.socket()
            return s.getsockname()[1]

        def mixed():
            s = socket.socket()
            s.bind(("", 0))
            if s.fileno() < 0:
                return s.getsockname()
            return s.getsockname()[1]

        def other_port(other):
            s = socket.socket()
            s.bind(("", 0))
            return other.getsockname()[1]

        def nested():
            s = socket.socket()
            s.bind(("", 0))

            def inner():
                return s.getsockname()[1]
            return inner
    """,
}


def test_free_port_functions_are_recorded(tmp_path):
    index = build(tmp_path, FREE_PORTS)

    def ephemeral(name):
        summary = index.function_of(f"ports.net.{name}")
        return summary.ephemeral if summary is not None else None

    assert ephemeral("find_available_port") == "port"
    assert ephemeral("get_free_port_number") == "port"  # unpacked from getsockname()
    assert ephemeral("free_address") == "address"
    for other in ("host_of_free_address", "fixed_after_probe", "port_of", "maybe_fixed", "two_sockets", "mixed",
                  "other_port", "nested"):
        assert ephemeral(other) is None, other


PLATFORM_TESTS = {
    **package("osx"),
    "osx/system.py": """
        import os
        import platform
        import sys
        from sys import platform as plat

        def is_windows():
            "True on Windows."
            return os.name == "nt"

        def on_linux():
            return sys.platform.startswith("linux")

        def bsd_like():
            return plat in ("darwin", "freebsd14") or platform.system().lower() == "openbsd"

        def not_windows():
            return not platform.system() == "Windows"

        class SysUtil:
            @classmethod
            def run_on_windows(cls):
                return platform.system() == "Windows"

            @staticmethod
            def run_on_mac():
                return sys.platform == "darwin"

            def posix(self):
                return os.name == "posix"

            @staticmethod
            def needs_argument(name):
                return name == "nt"

            def two_statements(self):
                print("asked")
                return os.name == "nt"

        def takes_name(name):
            return os.name == name

        def environment():
            return os.environ.get("OS") == "Windows_NT"

        def always():
            return os.name == "nt" or os.name != "nt"

        def never():
            return sys.platform == "plan9"
    """,
}


SHORT_READS = {
    "wire.py": """
        def read_byte(sock):
            byte = sock.recv(1)
            if len(byte) != 1:
                raise ConnectionError("no more data")
            return byte

        def read_header(sock):
            header = sock.recv(8)
            if 8 > len(header):
                return None
            return header

        def read_sized(sock, n):
            data = sock.recv(n)
            if len(data) < n:
                raise EOFError
            return data

        def read_unless_empty(sock):
            data = sock.recv(4096)
            if len(data) != 0:
                return data
            return sock.recv(4096)

        def read_and_fill(sock):
            data = sock.recv(8)
            if len(data) < 8:
                data += b"\\0" * (8 - len(data))
            return data
    """,
}


def test_a_read_shorter_than_a_size_that_leaves_is_checked(tmp_path):
    index = build(tmp_path, SHORT_READS)
    assert index.reads_on_eof("wire.read_byte") is EofAction.RAISES
    assert index.reads_on_eof("wire.read_header") is EofAction.RETURNS
    assert index.reads_on_eof("wire.read_sized") is EofAction.RAISES
    # true of a non-empty read only, and a test that does not leave: no check
    assert index.reads_on_eof("wire.read_unless_empty") is None
    assert index.reads_on_eof("wire.read_and_fill") is None
    assert index.returns("wire.read_unless_empty").is_read


PORT_CALLERS = {
    **package("srv"),
    "srv/fake.py": """
        class Broker:
            def __init__(self, cfg, port=0):
                self.port = port

        def start(cfg):
            return Broker(cfg)
    """,
    "srv/tests.py": """
        from srv.fake import Broker

        def test_port():
            Broker({}, port=5672).start()

        def test_positional():
            listen("", 8000)

        def test_star(args):
            spread(*args)
    """,
}


def test_arguments_some_call_passes(tmp_path):
    index = build(tmp_path, PORT_CALLERS)
    assert index.argument_passed("Broker", 1, "port")  # by keyword, in a test module
    assert not index.argument_passed("Broker", 2, "timeout")
    assert index.argument_passed("listen", 1, None)
    assert not index.argument_passed("listen", 2, "backlog")
    assert not index.argument_passed("never_called", 0, "port")
    assert index.argument_passed("spread", 0, None)  # *args may pass anything
    assert index.argument_passed("listen", 9, None)  # past the positions recorded


def test_platform_test_functions_are_recorded(tmp_path):
    for packed in (False, True):
        index = build(tmp_path, PLATFORM_TESTS, packed=packed)

        def families(name):
            return index.platform_test(f"osx.system.{name}")

        assert families("is_windows") == {"windows"}
        assert families("on_linux") == {"linux"}
        assert families("bsd_like") == {"bsd"}
        assert families("not_windows") == {"linux", "bsd", "other"}
        assert families("SysUtil.run_on_windows") == {"windows"}
        assert families("SysUtil.run_on_mac") == {"bsd"}
        assert families("SysUtil.posix") == {"linux", "bsd", "other"}
        for other in ("SysUtil.needs_argument", "SysUtil.two_statements", "takes_name",
                      "environment", "always", "never", "missing"):
            assert families(other) is None, other
        assert index.platform_test_names() == {"is_windows", "on_linux", "bsd_like",
                                               "not_windows", "run_on_windows",
                                               "run_on_mac", "posix"}


WINDOWS_IMPORTS = {
    **package("wl"),
    "wl/win.py": """
        from ctypes import windll
        kernel32 = windll.kernel32
    """,
    "wl/reg.py": """
        import winreg
    """,
    "wl/dll.py": """
        import ctypes
        ws2 = ctypes.WinDLL("ws2_32")
    """,
    "wl/tube.py": """
        import socket
        from .win import kernel32
    """,
    "wl/relay.py": """
        from wl.tube import *
    """,
    "wl/sub/__init__.py": """
        from .. import reg
    """,
    "wl/sub/inner.py": """
        import os
    """,
    "wl/portable.py": """
        try:
            from wl.win import kernel32
        except ImportError:
            kernel32 = None
        import sys
        if sys.platform == "win32":
            import wl.dll

        def later():
            from wl import tube
    """,
    "wl/plain.py": """
        import ctypes
        import socket
        libc = ctypes.CDLL("libc.so.6")
    """,
    "script_dir/main.py": """
        import helper
    """,
    "script_dir/helper.py": """
        import msvcrt
    """,
}


def test_windows_only_modules_through_top_level_imports(tmp_path):
    for packed in (False, True):
        index = build(tmp_path, WINDOWS_IMPORTS, packed=packed)
        for name in ("wl.win", "wl.reg", "wl.dll", "wl.tube", "wl.relay", "wl.sub",
                     "wl.sub.inner", "helper", "main"):
            assert index.windows_only(name), name
        for name in ("wl", "wl.portable", "wl.plain", "missing"):
            assert not index.windows_only(name), name


def test_attribute_kinds_from_annotations_and_assignments(tmp_path):
    index = build(tmp_path, CLASSES)
    kind = index.attribute_kind

    def instance(value):
        return (value.kind, value.name)

    stream = (ValueKind.INSTANCE, "lib.stream.FramedStream")
    assert instance(kind("lib.conn.Conn", "peer")) == stream  # Optional[...]
    assert instance(kind("lib.conn.Conn", "socket")) == stream  # "A | None"
    assert instance(kind("lib.conn.Conn", "other")) == (ValueKind.INSTANCE, "lib.stream.Sloppy")
    assert instance(kind("lib.conn.Conn", "stream")) == stream  # FramedStream(sock)
    assert kind("lib.conn.Conn", "plain").kind is ValueKind.SOCKET
    assert kind("lib.conn.Conn", "made").kind is ValueKind.SOCKET  # a socket subclass
    assert kind("lib.conn.Conn", "_sock").kind is ValueKind.SOCKET  # set in connect()
    param = kind("lib.conn.Conn", "sock")
    assert (param.kind, param.name, param.param) == (ValueKind.PARAM, "__init__", 1)
    assert kind("lib.conn.Conn", "mixed").kind is ValueKind.UNKNOWN  # members disagree
    assert kind("lib.conn.Conn", "nothing").kind is ValueKind.UNKNOWN
    assert instance(kind("lib.conn.Sub", "peer")) == stream  # inherited
    # parameters' annotations decide for the attributes they are stored in
    assert instance(kind("lib.conn.Annotated", "peer")) == stream
    assert kind("lib.conn.Annotated", "raw").kind is ValueKind.SOCKET
    assert kind("lib.conn.Annotated", "other").kind is ValueKind.PARAM
    assert kind("lib.conn.Annotated", "client").kind is ValueKind.SOCKET
    assert kind("lib.conn.Annotated", "address").kind is ValueKind.UNKNOWN
    assert kind("lib.conn.Annotated", "last").kind is ValueKind.SOCKET


def test_properties(tmp_path):
    index = build(tmp_path, CLASSES)
    returned = index.property_returns("lib.conn.Conn", "_socket")
    assert (returned.kind, returned.name) == (ValueKind.ATTR, "_sock")
    assert index.attribute_kind("lib.conn.Conn", returned.name).kind is ValueKind.SOCKET
    assert index.property_returns("lib.conn.Sub", "_socket").name == "_sock"
    assert index.property_returns("lib.conn.Conn", "size").kind is ValueKind.UNKNOWN
    assert index.property_returns("lib.conn.Conn", "connect") is None  # a plain method
    assert index.property_returns("lib.conn.Conn", "missing") is None


# ---- settings ------------------------------------------------------------------------------

SETTINGS = {
    **package("srv"),
    "srv/net.py": """
        import socket

        def keepalive(sock, idle=60):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, idle)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, 10)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, 3)

        def windows_keepalive(sock):
            sock.ioctl(socket.SIO_KEEPALIVE_VALS, (1, 60000, 10000))

        def with_timeout(conn, seconds):
            conn.settimeout(seconds)

        def nonblocking(conn):
            conn.setblocking(False)

        def zero(conn):
            conn.settimeout(0)

        def blocking(conn):
            conn.settimeout(None)

        def rcvtimeo(conn):
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, b"x" * 16)

        def tune(sock):
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
            keepalive(sock)

        def ping(sock):
            pong(sock)

        def pong(sock):
            ping(sock)
            sock.settimeout(1)

        def make():
            sock = socket.socket()
            with_timeout(sock, 3)
            return sock
    """,
    "srv/server.py": """
        import socket
        from srv import net
        from srv.net import tune as tune_it

        class Server:
            def __init__(self, host):
                self.sock = socket.socket()
                self.sock.settimeout(10)
                self._tune_keepalive(self.sock)
                self.conn = None

            def _tune_keepalive(self, sock):
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
                net.keepalive(sock)

            def open(self, other):
                tune_it(other)
                net.nonblocking(conn=self.conn)

        class Child(Server):
            def reopen(self, sock):
                self._tune_keepalive(sock)
    """,
}


def test_settings_made_directly(tmp_path):
    index = build(tmp_path, SETTINGS)
    sets = index.sets_on
    assert sets("srv.net.keepalive") == {"sock": {Setting.KEEPALIVE_TIMERS}}
    assert sets("srv.net.windows_keepalive") == {"sock": {Setting.KEEPALIVE_TIMERS}}
    assert sets("srv.net.with_timeout") == {"conn": {Setting.TIMEOUT}}
    assert sets("srv.net.nonblocking") == {"conn": {Setting.NONBLOCKING}}
    assert sets("srv.net.zero") == {"conn": {Setting.NONBLOCKING}}
    assert sets("srv.net.blocking") == {"conn": {Setting.BLOCKING}}
    assert sets("srv.net.rcvtimeo") == {"conn": {Setting.RCVTIMEO}}
    assert sets("srv.net.missing") == {}


def test_settings_made_through_helpers(tmp_path):
    index = build(tmp_path, SETTINGS)
    sets = index.sets_on
    assert sets("srv.net.tune") == {"sock": {Setting.KEEPALIVE, Setting.KEEPALIVE_TIMERS}}
    assert sets("srv.server.Server._tune_keepalive") == {
        "sock": {Setting.KEEPALIVE, Setting.KEEPALIVE_TIMERS}}
    assert sets("srv.server.Server.__init__") == {
        "self.sock": {Setting.TIMEOUT, Setting.KEEPALIVE, Setting.KEEPALIVE_TIMERS}}
    assert sets("srv.server.Server.open") == {
        "other": {Setting.KEEPALIVE, Setting.KEEPALIVE_TIMERS},
        "self.conn": {Setting.NONBLOCKING}}
    assert sets("srv.server.Child.reopen") == {
        "sock": {Setting.KEEPALIVE, Setting.KEEPALIVE_TIMERS}}
    # the socket a factory returns, with the timeout a helper set on it
    assert sets("srv.net.make") == {"<return>": {Setting.TIMEOUT}}
    # helpers calling each other terminate
    assert sets("srv.net.ping") == {"sock": {Setting.TIMEOUT}}
    assert sets("srv.net.pong") == {"sock": {Setting.TIMEOUT}}


OPTIONS = {
    **package("lsn"),
    "lsn/net.py": """
        import os
        import socket

        def reuse(listener):
            if os.name != "nt":
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

        def exclusive(listener):
            if os.name == "nt":
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
            else:
                listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)

        def prepare(listener):
            listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            reuse(listener)

        def caller_options(sock, options):
            for option, value in options.items():
                sock.setsockopt(socket.SOL_TCP, option, value)

        def numeric_level(sock, option):
            sock.setsockopt(6, option, 1)

        def attribute_option(sock, conf):
            sock.setsockopt(socket.IPPROTO_TCP, conf.option, conf.value)

        def fixed_options(sock, options):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.setsockopt(6, 1, 1)
            sock.setsockopt(socket.IPPROTO_TCP, -1, 1)
            sock.setsockopt(socket.SOL_TCP, getattr(socket, "TCP_NODELAY"), 1)
            sock.setsockopt(socket.IPPROTO_TCP, NODELAY, 1)
            for option, value in options:
                sock.setsockopt(socket.SOL_SOCKET, option, value)
                sock.setsockopt(socket.IPPROTO_IP, option, value)
    """,
    "lsn/server.py": """
        import socket
        from lsn import net

        class Listener:
            def start(self):
                self.sock = socket.socket()
                net.reuse(self.sock)

            def tune(self, options):
                net.caller_options(self.sock, options)

            def _prepare(self, sock):
                net.prepare(sock)
    """,
}


def test_address_reuse_and_caller_chosen_tcp_options(tmp_path):
    index = build(tmp_path, OPTIONS)
    sets = index.sets_on
    reuse, timers = Setting.REUSE_ADDRESS, Setting.KEEPALIVE_TIMERS
    assert sets("lsn.net.reuse") == {"listener": {reuse}}  # on one branch
    assert sets("lsn.net.exclusive") == {"listener": {reuse}}
    assert sets("lsn.net.prepare") == {"listener": {reuse}}  # through a helper
    assert sets("lsn.server.Listener._prepare") == {"sock": {reuse}}
    # a TCP-level option the code does not fix may be a keepalive timer
    assert sets("lsn.net.caller_options") == {"sock": {timers}}
    assert sets("lsn.net.numeric_level") == {"sock": {timers}}
    assert sets("lsn.net.attribute_option") == {"sock": {timers}}
    # fixed TCP options, and variable ones at other levels, are not
    assert sets("lsn.net.fixed_options") == {}
    settings = index.attribute_settings
    assert settings("lsn.server.Listener", "sock") == {reuse, timers}
    assert settings("lsn.server.Listener", "sock", skip="start") == {timers}
    assert settings("lsn.server.Listener", "sock", skip="tune") == {reuse}


# ---- retries -------------------------------------------------------------------------------

RETRIES = {
    **package("util"),
    "util/__init__.py": "from .retry import *\n",
    "util/retry.py": """
        import errno
        import functools

        RETRYABLE = (errno.EINTR, errno.EAGAIN, errno.EWOULDBLOCK)

        def until_concludes(f, *args):
            while True:
                try:
                    return f(*args)
                except (IOError, OSError) as e:
                    if e.args[0] == errno.EINTR:
                        continue
                    raise

        def again(func, *args, **kwargs):
            while True:
                try:
                    result = func(*args, **kwargs)
                except (InterruptedError, BlockingIOError):
                    pass
                else:
                    return result

        def by_constant(call):
            for _ in range(10):
                try:
                    return call()
                except OSError as exc:
                    if exc.errno not in RETRYABLE:
                        raise

        def gives_up(f):
            while True:
                try:
                    return f()
                except OSError as e:
                    if e.errno == errno.EINTR:
                        raise
                    raise

        def no_loop(f):
            try:
                return f()
            except InterruptedError:
                return None

        def other_errno(f):
            while True:
                try:
                    return f()
                except OSError as e:
                    if e.errno == errno.ECONNRESET:
                        continue
                    raise

        def retry_eintr(fn):
            @functools.wraps(fn)
            def wrapper(*args, **kwargs):
                while True:
                    try:
                        return fn(*args, **kwargs)
                    except InterruptedError:
                        continue
            return wrapper

        def retrying(times=3):
            def decorate(f):
                def wrapper(*args):
                    for _ in range(times):
                        try:
                            return f(*args)
                        except OSError as e:
                            if e.errno in (errno.EINTR, errno.EAGAIN):
                                continue
                            raise
                return wrapper
            return decorate
    """,
    "util/use.py": """
        from util import retry_eintr, until_concludes
        from util import retry as r

        class Conn:
            @retry_eintr
            def recv(self, n):
                return self.sock.recv(n)

            @r.retrying(times=5)
            def recv_into(self, buf):
                return self.sock.recv_into(buf)

            def send(self, data):
                return until_concludes(self.sock.send, data)
    """,
}


def test_retry_helpers(tmp_path):
    index = build(tmp_path, RETRIES)
    assert index.retry_helper("util.retry.until_concludes") == (frozenset({"EINTR"}), 0)
    assert index.retry_helper("util.until_concludes") == (frozenset({"EINTR"}), 0)
    assert index.retry_helper("util.retry.again") == (frozenset({"EINTR", "EAGAIN"}), 0)
    assert index.retry_helper("util.retry.by_constant") == (frozenset({"EINTR", "EAGAIN"}), 0)
    assert index.retry_helper("util.retry.gives_up") is None
    assert index.retry_helper("util.retry.no_loop") is None
    assert index.retry_helper("util.retry.other_errno") is None
    assert not index.is_retry_decorator("util.retry.until_concludes")
    assert index.retry_helper("util.retry.retry_eintr") == (frozenset({"EINTR"}), 0)
    assert index.is_retry_decorator("util.retry.retry_eintr")
    assert index.retry_decorators("util.use.Conn.recv") == [
        ("util.retry.retry_eintr", frozenset({"EINTR"}))]
    assert index.retry_decorators("util.use.Conn.send") == []
    assert index.retry_helper("util.retry.retrying") == (frozenset({"EINTR", "EAGAIN"}), None)
    assert index.is_retry_decorator("util.retry.retrying")
    assert index.retry_decorators("util.use.Conn.recv_into") == [
        ("util.retry.retrying", frozenset({"EINTR", "EAGAIN"}))]


# ---- constants -----------------------------------------------------------------------------

def test_constants_through_imports(tmp_path):
    index = build(tmp_path, {
        **package("cfg"),
        "cfg/__init__.py": "from .const import DEFAULT_ADDR\n",
        "cfg/const.py": """
            import errno
            from errno import EAGAIN as AGAIN
            DEFAULT_ADDR = ("127.0.0.1", 0)
            PORT = 8080
            NEG = -1
            TIMEOUT = 2.5
            NAME = "svc"
            MAGIC = b"\\x00\\xff"
            NOTHING = None
            RETRY = {errno.EINTR, AGAIN}
            NESTED = (("a", 1), ("b", 2))
            ALIAS = PORT
            COMPUTED = PORT + 1
            REBOUND = 1
            REBOUND = compute()
            FROZEN = frozenset((errno.EPIPE, errno.ECONNRESET))
            BROKEN = "\\ud800"
            UNICODE = "h\u00e9"
            import os
            FROM_ENV = os.getenv("CFG_HOST", "127.0.0.1")
            FROM_ENVIRON = os.environ.get("CFG_HOST", "localhost")
            NO_DEFAULT = os.getenv("CFG_HOST")
            NUMBER_DEFAULT = os.getenv("CFG_PORT", 80)
            ENV_ALIAS = FROM_ENV
            CHAIN_A = CHAIN_B = 7
        """,
        "cfg/use.py": """
            from cfg import DEFAULT_ADDR
            from .const import *
            from . import const as c
            ADDR = DEFAULT_ADDR
        """,
    })
    constant = index.constant
    assert constant("cfg.use", "DEFAULT_ADDR") == ("127.0.0.1", 0)
    assert constant("cfg.use", "ADDR") == ("127.0.0.1", 0)
    assert constant("cfg.use", "PORT") == 8080  # star import
    assert constant("cfg.use", "c.NEG") == -1
    assert constant("cfg.const", "TIMEOUT") == 2.5
    assert constant("cfg.const", "NAME") == "svc"
    assert constant("cfg.const", "MAGIC") == b"\x00\xff"
    assert constant("cfg.const", "NOTHING") is None
    assert constant("cfg.const", "RETRY") == frozenset({ErrnoName("EINTR"), ErrnoName("EAGAIN")})
    assert constant("cfg.const", "NESTED") == (("a", 1), ("b", 2))
    assert constant("cfg.const", "ALIAS") == 8080
    assert constant("cfg.const", "FROZEN") == frozenset({ErrnoName("EPIPE"),
                                                         ErrnoName("ECONNRESET")})
    assert constant("cfg.const", "COMPUTED") is NOT_FOUND
    assert constant("cfg.const", "BROKEN") is NOT_FOUND  # a lone surrogate: not kept
    assert constant("cfg.const", "UNICODE") == "h\u00e9"
    assert constant("cfg.const", "REBOUND") is NOT_FOUND
    assert constant("cfg.const", "MISSING") is NOT_FOUND
    # read from the environment with a text default: the default, marked as such
    assert constant("cfg.const", "FROM_ENV") == EnvDefault("127.0.0.1")
    assert constant("cfg.const", "FROM_ENVIRON") == EnvDefault("localhost")
    assert constant("cfg.const", "ENV_ALIAS") == EnvDefault("127.0.0.1")
    assert constant("cfg.const", "NO_DEFAULT") is NOT_FOUND
    assert constant("cfg.const", "NUMBER_DEFAULT") is NOT_FOUND
    assert constant("cfg.const", "CHAIN_A") == constant("cfg.const", "CHAIN_B") == 7


def test_class_constants_and_enumeration_values(tmp_path):
    index = build(tmp_path, {
        **package("dev"),
        "dev/codes.py": """
            import enum
            from enum import Enum

            class Commands(Enum):
                POKE = b"\\x01"
                RESET = b"\\x07\\x07"

            class Flags(enum.IntFlag):
                READY = 1

            class Codes:
                PING = b"\\x09"
                TWICE = b"\\x0a"
                TWICE = b"\\x0b"
                METHOD = b"\\x0c"

                def METHOD(self):
                    return b""
            """,
        "dev/client.py": "from .codes import Codes, Commands, Flags\n",
    })
    assert index.constant("dev.client", "Commands.POKE.value") == b"\x01"
    assert index.constant("dev.client", "Commands.RESET.value") == b"\x07\x07"
    assert index.constant("dev.client", "Flags.READY.value") == 1
    assert index.constant("dev.client", "Codes.PING") == b"\x09"
    # an enumeration member is a member, not its value; a name bound twice, or also a
    # method, is no constant
    assert index.constant("dev.client", "Commands.POKE") is NOT_FOUND
    assert index.constant("dev.client", "Codes.TWICE") is NOT_FOUND
    assert index.constant("dev.client", "Codes.METHOD") is NOT_FOUND


def test_constant_cycles_terminate(tmp_path):
    index = build(tmp_path, {"a.py": "from b import X\nY = X\n",
                             "b.py": "from a import Y\nX = Y\n"})
    assert index.constant("a", "Y") is NOT_FOUND


# ---- the JSON form -------------------------------------------------------------------------

DAEMON_THREADS = {
    "tests/server.py": """
        import threading
        from threading import Thread

        class ServerThread(threading.Thread):
            def __init__(self, handler, ready=None, *, name="server"):
                threading.Thread.__init__(self)
                self.handler = handler
                self.ready = ready
                self.daemon = True

            def _serve(self):
                self.handler(None)

            def run(self):
                self._serve()

        class KeywordDaemon(Thread):
            def __init__(self, handler):
                super().__init__(daemon=True)
                self.handler = handler

            def run(self):
                self.handler(None)

        class NotDaemon(threading.Thread):
            def __init__(self, handler):
                threading.Thread.__init__(self)
                self.handler = handler

            def run(self):
                self.handler(None)

        class SetBack(threading.Thread):
            def __init__(self, handler):
                threading.Thread.__init__(self)
                self.handler = handler
                self.daemon = True

            def run(self):
                self.handler(None)

            def keep(self):
                self.daemon = False

        class CalledOutsideRun(threading.Thread):
            def __init__(self, handler):
                threading.Thread.__init__(self)
                self.handler = handler
                self.daemon = True

            def run(self):
                pass

            def poke(self):
                self.handler(None)

        class Base:
            def start_server(self, handler):
                self.thread = ServerThread(handler=handler)
                self.thread.start()

            def start_positional(self, first, handler):
                ServerThread(handler, first).start()

            def start_keyword_daemon(self, handler):
                KeywordDaemon(handler).start()

            def start_plain(self, handler):
                NotDaemon(handler).start()

            def start_set_back(self, handler):
                SetBack(handler).start()

            def start_outside(self, handler):
                CalledOutsideRun(handler).start()

            def start_and_call(self, handler):
                ServerThread(handler).start()
                handler(None)

        def serve(handler, *, other=None):
            threading.Thread(target=handler, daemon=True).start()
            threading.Thread(target=other).start()
    """,
    "tests/test_x.py": """
        from server import Base

        class TestX(Base):
            pass
    """,
}


def test_parameters_handed_only_to_daemon_threads(tmp_path):
    index = build(tmp_path, DAEMON_THREADS, packed=True)

    def daemon(qname):
        summary = index.function_of(qname)
        return summary.daemon if summary is not None else None

    assert daemon("server.Base.start_server") == [(0, "handler")]
    assert daemon("test_x.TestX.start_server") == [(0, "handler")]  # on a project base
    assert daemon("server.Base.start_positional") == [(1, "handler")]
    assert daemon("server.Base.start_keyword_daemon") == [(0, "handler")]
    assert daemon("server.serve") == [(0, "handler")]
    for other in ("start_plain", "start_set_back", "start_outside", "start_and_call"):
        assert not daemon(f"server.Base.{other}"), other


def _every_project():
    return {**FACTORIES, **CLASSES, **SETTINGS, **OPTIONS, **RETRIES, **PLATFORM_TESTS,
            **DAEMON_THREADS}


def test_json_round_trip_keeps_environment_defaults_and_imported_arguments():
    source = textwrap.dedent("""
        import os
        import sys
        from svc.settings import HOST
        FROM_ENV = os.getenv("SVC_HOST", "127.0.0.1")
        sys.path.insert(0, os.path.dirname(__file__))


        def main(host=HOST):
            Server(host, 1)
            Server(HOST, port=2)
        """)
    summary = summarise(ast.parse(source), "svc.run", False)
    data = summary.to_json()
    assert data["constants"]["FROM_ENV"] == ["env", "127.0.0.1"]
    assert data["cr"] == {"Server": {"0": ["svc.settings.HOST"]}}
    again = ModuleSummary.from_json(json.loads(json.dumps(data)))
    assert again.constants["FROM_ENV"] == EnvDefault("127.0.0.1")
    assert again.callargs.refs == {"Server": {"0": ["svc.settings.HOST"]}}
    assert data["sp"] is True and again.path  # its top-level code changes sys.path
    packed = PackedSummary.of(again, summary_text(again.to_json()))
    assert pickle.loads(pickle.dumps(packed)).path
    assert again.to_json() == data


def test_json_round_trip_keeps_every_fact(tmp_path):
    files = _every_project()
    for relative, source in files.items():
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(source))
    for relative in files:
        name, is_package = module_name_for(str(tmp_path), str(tmp_path / relative))
        summary = summarise(ast.parse((tmp_path / relative).read_text()), name, is_package)
        data = summary.to_json()
        text = json.dumps(data)
        again = ModuleSummary.from_json(json.loads(text))
        assert again.to_json() == data
        assert json.dumps(again.to_json()) == text  # stable key order, for the cache


def _valid():
    return summarise(ast.parse(textwrap.dedent(CLASSES["lib/conn.py"])), "lib.conn",
                     False).to_json()


_DELETE = object()
_INIT = ("classes", "Conn", "m", "_socket")


@pytest.mark.parametrize("path, value", [
    ((), []),
    ((), None),
    ((), "summary"),
    (("v",), 0),
    (("v",), True),
    (("v",), "1"),
    (("v",), 3),  # an earlier version's summary (a cache written before an upgrade)
    (("v",), 5),  # the version before "find a free port" functions were recorded
    (("module",), _DELETE),
    (("module",), ""),
    (("module",), "x" * 10_000),
    (("package",), "yes"),
    (("extra",), 1),
    (("imports",), []),
    (("imports",), {"a": 1}),
    (("stars",), ["a"] * 1000),
    (("constants",), {"A": ["tuple", [["tuple", [["tuple", [["tuple", []]]]]]]]}),
    (("constants",), {"A": ["bytes", "zz"]}),
    (("constants",), {"A": ["set", [["tuple", [1]], []]]}),
    (("constants",), {"A": ["what", 1]}),
    (("constants",), {"A": ["env", 1]}),
    (("constants",), {"A": ["env", "x" * 10_000]}),
    (("constants",), {"A": 10 ** 100}),
    (("constants",), {"A": {"x": 1}}),
    (("constants",), {"A": []}),
    (("pf",), ["ok", 3]),
    (("classes", "Conn", "b"), "socket.socket"),
    (("classes", "Conn", "b"), ["socket.socket"] * 100),
    (_INIT + ("a",), [1]),
    (_INIT + ("r",), [{"k": "nonsense"}]),
    (_INIT + ("r",), [{"n": "x"}]),
    (_INIT + ("r",), [{"k": "param", "p": -1}]),
    (_INIT + ("r",), [{"k": "param", "p": True}]),
    (_INIT + ("r",), [{"k": "socket", "t": "tcp"}]),
    (_INIT + ("r",), [{"k": "socket", "ssl": 1}]),
    (_INIT + ("eof",), "sometimes"),
    (_INIT + ("set",), {"x": ["loud"]}),
    (_INIT + ("set",), {"x": ["reuse"]}),
    (_INIT + ("set",), {"x": ["reuse_address", "reuse_address", "timeout", "blocking",
                              "nonblocking", "rcvtimeo", "sndtimeo", "keepalive",
                              "keepalive_timers"]}),
    (_INIT + ("set",), {"x": "timeout"}),
    (_INIT + ("c",), [["f", [[0]]]]),
    (_INIT + ("c",), [["f", [[-1, "x"]]]]),
    (_INIT + ("c",), [["f"]]),
    (_INIT + ("retry",), {"e": "EINTR"}),
    (_INIT + ("all",), 1),
    (_INIT + ("n",), -1),
    (_INIT + ("n",), "12"),
    (_INIT + ("n",), True),
    (_INIT + ("n",), 10 ** 9),
    (_INIT + ("nested",), {}),
    (_INIT + ("eph",), "yes"),
    (_INIT + ("eph",), True),
    (_INIT + ("eph",), ["port"]),
    (_INIT + ("eph",), None),
    (_INIT + ("plat",), []),
    (_INIT + ("plat",), ["mars"]),
    (_INIT + ("plat",), [["linux"]]),
    (_INIT + ("plat",), "linux"),
    (_INIT + ("plat",), ["windows", "linux", "bsd", "other"]),
    (_INIT + ("dm",), ["handler"]),
    (_INIT + ("dm",), [[0]]),
    (_INIT + ("dm",), [[-1, "handler"]]),
    (_INIT + ("dm",), [[0, ""]]),
    (_INIT + ("dm",), [[0, "a", "b"]]),
    (("classes", "Conn", "ann"), {"x": [["nested"]]}),
    (("classes", "Conn", "as"), {"x": [{"k": "socket", "t": "tcp"}]}),
    (("classes", "Conn", "as"), {"x": "param"}),
    (("opaque",), [[["Base"], ["A"], ["B"]]]),
    (("opaque",), [[["Base"], "A"]]),
    (("ca",), []),
    (("ca",), {"send_command": []}),
    (("ca",), {"send_command": {"0": 128}}),
    (("ca",), {"send_command": {"0": 0}}),
    (("ca",), {"send_command": {"0": True}}),
    (("ca",), {"send_command": {"9": 1}}),
    (("ca",), {"send_command": {"01": 1}}),
    (("ca",), {"send_command": {"x": 1}}),
    (("ca",), {"send_command": {"=not a name": 1}}),
    (("ca",), {"": {"0": 1}}),
    (("cr",), []),
    (("cr",), {"send_command": {"0": "svc.settings.HOST"}}),
    (("cr",), {"send_command": {"0": [1]}}),
    (("cr",), {"send_command": {"0": ["svc.settings.HOST"] * 5}}),
    (("cr",), {"send_command": {"x": ["svc.settings.HOST"]}}),
    (("cx",), "yes"),
    (("sp",), "yes"),
    (("req",), "wl.win"),
    (("req",), [1]),
    (("req",), [""]),
    (("req",), [["wl"]]),
    (("win",), "yes"),
    (("win",), 1),
])
def test_from_json_rejects_malformed_summaries(path, value):
    data = json.loads(json.dumps(_valid()))
    assert ModuleSummary.from_json(data).to_json() == _valid()  # the intact one loads
    if not path:
        data = value
    else:
        owner = data
        for key in path[:-1]:
            owner = owner[key]
        if value is _DELETE:
            del owner[path[-1]]
        else:
            owner[path[-1]] = value
    with pytest.raises(ValueError):
        ModuleSummary.from_json(data)


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_FUZZ = settings(max_examples=200, derandomize=True, deadline=None, database=None,
                 suppress_health_check=list(HealthCheck))
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False)
    | st.text(max_size=8) | st.sampled_from(["socket", "param", "tuple", "set", "bytes",
                                             "errno", "ref", "timeout", "raises", "k", "p"]),
    lambda inner: st.lists(inner, max_size=4)
    | st.dictionaries(st.sampled_from(["v", "module", "package", "imports", "classes",
                                       "functions", "pf", "constants", "k", "n", "p", "m",
                                       "r", "a", "set", "c", "b", "as", "ann", "opaque"]),
                      inner, max_size=4),
    max_leaves=20)


def _mutations(data, draw_path, value):
    """``data`` with the node at ``draw_path`` (indices into the nested containers)
    replaced by ``value``."""
    owner, key = None, None
    node = data
    for step in draw_path:
        children = list(node.keys()) if isinstance(node, dict) else \
            list(range(len(node))) if isinstance(node, list) else []
        if not children:
            break
        owner, key = node, children[step % len(children)]
        node = node[key]
    if owner is None:
        return value
    owner[key] = value
    return data


@_FUZZ
@given(st.lists(st.integers(min_value=0, max_value=50), max_size=6), _JSON)
def test_from_json_never_fails_otherwise_than_with_value_error(path, value):
    data = _mutations(json.loads(json.dumps(_valid())), path, value)
    try:
        summary = ModuleSummary.from_json(data)
    except ValueError:
        return
    # whatever it accepted is a summary that writes itself out again
    assert ModuleSummary.from_json(json.loads(json.dumps(summary.to_json()))).to_json() \
        == summary.to_json()


@_FUZZ
@given(_JSON)
def test_from_json_on_arbitrary_json(data):
    try:
        ModuleSummary.from_json(data)
    except ValueError:
        pass


hypothesmith = pytest.importorskip("hypothesmith")


@settings(max_examples=60, derandomize=True, deadline=None, database=None,
          suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_grammar())
@pytest.mark.filterwarnings("ignore::SyntaxWarning")
def test_any_module_summarises_and_round_trips(source):
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return
    summary = summarise(tree, "pkg.mod", False)
    data = summary.to_json()
    assert ModuleSummary.from_json(json.loads(json.dumps(data))).to_json() == data
    index = ProjectIndex("/project", {"pkg.mod": summary})
    for name in list(summary.functions)[:5]:
        index.returns(f"pkg.mod.{name}")
        index.sets_on(f"pkg.mod.{name}")
    for name in list(summary.classes)[:5]:
        index.bases(f"pkg.mod.{name}")


# ---- bounds on huge modules ----------------------------------------------------------------

def _generated(classes):
    """A generated-looking module: message classes with send/read methods, no socket."""
    block = textwrap.dedent('''
        class Message{i}(_runtime.Message):
            def __init__(self, a=0, b=b""):
                self.a = a
                self.b = b

            def send(self, transport):
                transport.send(self.encode())

            def read(self, iprot):
                while True:
                    fid, ftype = iprot.read_field_begin()
                    if ftype == _runtime.STOP:
                        break
                    if fid == 1:
                        self.a = iprot.read_u32()
                    else:
                        iprot.skip(ftype)
    ''')
    return "from . import runtime as _runtime\n" + "".join(
        block.format(i=i) for i in range(classes))


def test_huge_modules_are_summarised_within_the_statement_budget():
    from lint_sockets.analysis.index import MAX_STATEMENTS

    source = _generated(MAX_STATEMENTS // 5)  # well over the budget
    summary = summarise(ast.parse(source), "pkg.messages", False)
    assert summary.partial
    first = summary.classes["Message0"]
    last = summary.classes[f"Message{MAX_STATEMENTS // 5 - 1}"]
    assert not first.opaque and first.assigned["a"]
    assert last.opaque and last.bases == ["_runtime.Message"] and not last.methods
    text = json.dumps(summary.to_json(), separators=(",", ":"))
    assert len(text) < len(source) // 4
    again = ModuleSummary.from_json(json.loads(text))
    assert again.partial and again.classes[f"Message{MAX_STATEMENTS // 5 - 1}"].opaque
    index = ProjectIndex("/p", {"pkg.messages": again, "pkg.runtime": ModuleSummary(
        "pkg.runtime", classes={"Message": ClassSummary(methods={
            "send": FunctionSummary(sends_all=True)})})})
    # an opaque class's methods are unknown: not the ones of its base either
    assert not index.sends_everything(f"pkg.messages.Message{MAX_STATEMENTS // 5 - 1}", "send")
    assert index.attribute_kind(f"pkg.messages.Message{MAX_STATEMENTS // 5 - 1}",
                                "a").kind is ValueKind.UNKNOWN
    assert index.bases(f"pkg.messages.Message{MAX_STATEMENTS // 5 - 1}") == {
        "pkg.runtime.Message"}
    small = summarise(ast.parse(_generated(20)), "pkg.messages", False)
    assert not small.partial and not any(c.opaque for c in small.classes.values())


# ---- the engine hands the index to the facts -----------------------------------------------

def test_engine_hands_the_index_and_module_name_to_the_facts(tmp_path, monkeypatch):
    from lint_sockets import engine
    from lint_sockets.analysis import facts as facts_module
    from lint_sockets.settings import Settings

    source = (tmp_path / "server.py")
    source.write_text(textwrap.dedent("""
        import socket

        def serve(listener):
            while True:
                conn, _ = listener.accept()
                data = conn.recv(1024)
                conn.send(data)
    """))
    index = build(tmp_path, {"server.py": source.read_text()})
    seen = []
    original = facts_module.Facts.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        seen.append((self.project, self.module_name))

    monkeypatch.setattr(facts_module.Facts, "__init__", spy)
    settings = Settings(select=["ALL"])
    alone, _ = engine.check_source(source.read_bytes(), settings)
    with_index, _ = engine.check_source(source.read_bytes(), settings, project=index,
                                        module_name="server")
    # alone, the file is the one module of a project of its own
    (own, own_name), given = seen
    assert given == (index, "server") and own_name == engine.ALONE
    assert list(own.summaries) == [engine.ALONE] and own is not index
    assert [d.as_tuple() for d in alone] == [d.as_tuple() for d in with_index]
    assert alone  # the file has findings, so the comparison means something


def test_overlong_names_never_make_a_summary_its_own_loader_rejects():
    long = "n" * 400
    source = textwrap.dedent(f"""
        import socket
        import {long} as short
        from pkg import {long}
        from pkg import x as {long}
        {long} = 1

        class C:
            {long}: "Conn"

            def __init__(self, a, {long}, b):
                self.{long} = socket.socket()
                self.{long}.settimeout(1)
                self.ok = socket.socket()
                helper({long}=self.ok)
                helper(a, {long}=b)

            def m(self):
                return self.{long}()

            def {long}(self):
                return socket.socket()

        def f({long}, sock):
            {long}.settimeout(1)
            sock.settimeout(1)
    """)
    summary = summarise(ast.parse(source), "pkg.mod", False)
    data = json.loads(json.dumps(summary.to_json()))
    assert ModuleSummary.from_json(data).to_json() == data
    assert summary.classes["C"].assigned == {"ok": [summary.classes["C"].assigned["ok"][0]]}


def test_attribute_settings_collect_every_method_and_the_factory(tmp_path):
    index = build(tmp_path, {
        **SETTINGS,
        "srv/client.py": """
            import socket
            from srv.net import make
            from srv.server import Server

            class Client:
                def __init__(self):
                    self.sock = make()
                    self.raw = socket.socket()
                    self.other = self._open()

                def connect(self, addr):
                    self.raw.connect(addr)
                    self.raw.setblocking(False)

                def _open(self):
                    sock = socket.socket()
                    sock.settimeout(2)
                    return sock

            class Sub(Client):
                def tune(self):
                    self.raw.settimeout(3)

            class Plain(Server):
                pass
        """,
    })
    settings = index.attribute_settings
    assert settings("srv.client.Client", "sock") == {Setting.TIMEOUT}
    assert settings("srv.client.Client", "raw") == {Setting.NONBLOCKING}
    assert settings("srv.client.Client", "other") == {Setting.TIMEOUT}
    assert settings("srv.client.Sub", "raw") == {Setting.NONBLOCKING, Setting.TIMEOUT}
    assert settings("srv.client.Client", "missing") == frozenset()
    assert settings("srv.client.Plain", "sock") == {
        Setting.TIMEOUT, Setting.KEEPALIVE, Setting.KEEPALIVE_TIMERS}


# ---- what the project hands to retry helpers, and guarded forwards ----------------------

RETRY_PROJECT = {**package("app"), "app/retry.py": """
        import errno

        def until_concludes(f, *args):
            while True:
                try:
                    return f(*args)
                except OSError as e:
                    if e.errno != errno.EINTR:
                        raise

        def retrying(func):
            def wrapper(*args):
                while True:
                    try:
                        return func(*args)
                    except InterruptedError:
                        continue
            return wrapper

        def unused(f):
            while True:
                try:
                    return f()
                except InterruptedError:
                    continue
        """, "app/conn.py": """
        from app import retry
        from app.retry import retrying, until_concludes

        class Conn:
            def write(self, data):
                sent = until_concludes(self.sock.send, data)
                return sent

            def write_other(self, data):
                retry.until_concludes(self.sock.sendall, data)

            def not_a_helper(self, callback, data):
                callback(self.sock.send, data)  # a parameter: no project function

            @retrying
            def read(self, n):
                return self.sock.recv(n)
        """}


@pytest.mark.parametrize("packed", [False, True])
def test_retried_socket_calls_come_from_the_projects_uses(tmp_path, packed):
    index = build(tmp_path, RETRY_PROJECT, packed)
    assert sorted(index.retried_socket_calls("app.retry.until_concludes")) == [
        ("send", "self.sock"), ("sendall", "self.sock")]
    assert index.retried_socket_calls("app.retry.retrying") == [("recv", "self.sock")]
    assert index.retried_socket_calls("app.retry.unused") == []
    assert index.retried_socket_calls("app.conn.Conn.write") == []


def test_packed_summaries_are_decoded_when_asked_about_and_few_are_kept(tmp_path,
                                                                        monkeypatch):
    """An index given packed summaries (as a project gives them) answers as one given the
    decoded summaries, keeps at most DECODED of them decoded, and answers the questions
    about the whole project (helper names, retried calls) from what was gathered as the
    summaries were packed."""
    from lint_sockets.analysis import index as core

    plain = build(tmp_path / "plain", RETRY_PROJECT)
    monkeypatch.setattr(core, "DECODED", 1)
    packed = build(tmp_path / "packed", RETRY_PROJECT, packed=True)
    assert all(type(item) is PackedSummary for item in packed.summaries.held.values())
    for name in ("app", "app.retry", "app.conn"):
        assert packed.summaries[name].to_json() == plain.summaries[name].to_json()
    assert packed.helper_names() == plain.helper_names() == {"read", "write"}
    for helper in ("app.retry.until_concludes", "app.retry.retrying", "app.retry.unused"):
        assert packed.retried_socket_calls(helper) == plain.retried_socket_calls(helper)
        assert packed.retry_helper(helper) == plain.retry_helper(helper)
    assert packed.returns("app.conn.Conn.read") == plain.returns("app.conn.Conn.read")
    assert len(packed.summaries._decoded) == 1
    # the same answers after a round trip through pickle (a worker that is not forked)
    import pickle

    again = pickle.loads(pickle.dumps(packed))
    assert again.retried_socket_calls("app.retry.retrying") == [("recv", "self.sock")]
    # a packed summary from the cache is validated when loaded
    blob = packed.summaries.held["app.conn"].blob
    assert PackedSummary.load(blob).handovers == packed.summaries.held["app.conn"].handovers
    for bad in (blob[:-3], b"not zlib", __import__("zlib").compress(b'{"v": 0}'), "text"):
        with pytest.raises(ValueError):
            PackedSummary.load(bad)


def test_a_forwarded_accept_inside_try_except_is_not_a_bare_forward(tmp_path):
    index = build(tmp_path, {"transport.py": """
        class Bare:
            def accept(self):
                return self.handle.accept()

        class Guarded:
            def accept(self):
                while True:
                    try:
                        return self.handle.accept()
                    except ConnectionAbortedError:
                        continue

        class Reader:
            def read(self):
                try:
                    return self.sock.recv(4096)
                except TimeoutError:
                    return None
        """})
    bare = index.returns("transport.Bare.accept")
    assert (bare.kind, bare.name, bare.method) == (ValueKind.FORWARD, "handle", "accept")
    assert index.returns("transport.Guarded.accept").kind is ValueKind.UNKNOWN
    # a try around a read changes nothing about what an empty read gives
    assert index.returns("transport.Reader.read").kind is ValueKind.READ


def test_modules_importing_socket_code_from_the_project(tmp_path):
    index = build(tmp_path, {
        **package("pkg"),
        "pkg/wire.py": """
            import socket
            def dial(host):
                return socket.create_connection((host, 1))
            def read_some(link):
                return link.recv(10)
            def words(text):
                return text.split()
            class Sock(socket.socket):
                pass
            class Channel:
                def __init__(self, link):
                    self.link = link
                def chunk(self):
                    return self.link.recv(10)
            class Plain:
                def size(self):
                    return 3
            class FileReader:
                def __init__(self, stream):
                    self.stream = stream
                def chunk(self):
                    return self.stream.read(10)
            """,
        "pkg/files.py": "from pkg.wire import FileReader\n",
        "pkg/text.py": "from pkg.wire import words, Plain\n",
        "pkg/uses_factory.py": "from pkg.wire import dial\n",
        "pkg/uses_reader.py": "from pkg.wire import read_some as grab\n",
        "pkg/uses_class.py": "from pkg.wire import Channel\n",
        "pkg/uses_subclass.py": "from pkg.wire import Sock\n",
        "pkg/uses_module.py": "from pkg import wire\n",
        "pkg/uses_star.py": "from pkg.wire import *\n",
        "pkg/external.py": "import json\nfrom os import path\n",
        "pkg/a.py": "from pkg.b import thing\n",
        "pkg/b.py": "from pkg.a import thing\n",
    })
    assert not index.imports_socket_code("pkg.text")
    assert not index.imports_socket_code("pkg.external")
    assert not index.imports_socket_code("pkg.missing")
    for module in ("uses_factory", "uses_reader", "uses_class", "uses_subclass", "uses_star"):
        assert index.imports_socket_code(f"pkg.{module}"), module
    # a plain module import does not count (most modules import one that has socket code);
    # nor does a class whose methods hand out reads of something that is not a socket
    assert not index.imports_socket_code("pkg.uses_module")
    assert not index.imports_socket_code("pkg.files")
    # a cycle of re-exports terminates, and carries nothing
    assert not index.imports_socket_code("pkg.a")
    assert not index.imports_socket_code("pkg.b")


def test_local_assignments_see_every_binding_as_ast_walk_does():
    from lint_sockets.analysis.index import _local_assignments

    func = ast.parse(textwrap.dedent("""
        def f(items):
            a = b"x"
            a = b"yy"
            b, c = 1, 2
            for d in items:
                e = [g for g in d if (h := g)]
            with open(d) as i:
                j = k = i
            l += 1
            def inner():
                m = 2
                return (n := m)
            class K:
                o = 3
            match items:
                case [p]:
                    q = p
            return a
    """)).body[0]
    assigned = {}
    simple = set()
    stores = []
    for sub in ast.walk(func):
        if type(sub) is ast.Assign:
            for target in sub.targets:
                if type(target) is ast.Name:
                    simple.add(id(target))
                    assigned.setdefault(target.id, []).append(sub.value)
        elif type(sub) is ast.Name and type(sub.ctx) is ast.Store:
            stores.append(sub)
    unknown = {name.id for name in stores if id(name) not in simple}
    got_assigned, got_unknown = _local_assignments(func)
    assert got_unknown == unknown == {"b", "c", "d", "g", "h", "i", "l", "n"}
    assert {n: [id(v) for v in vs] for n, vs in got_assigned.items()} == \
        {n: [id(v) for v in vs] for n, vs in assigned.items()}
    assert set(got_assigned) == {"a", "e", "j", "k", "m", "o", "q"}


def test_a_message_needs_every_binding_of_a_returned_name():
    """A returned name is a message only when each of its bindings is a plain assignment
    of one; a name bound only some other way (a loop, ``with``, ``:=``) is none."""
    def message(body):
        source = "def f(name, items):\n" + textwrap.indent(textwrap.dedent(body), "    ")
        summary = summarise(ast.parse(source), "m", False)
        function = summary.functions["f"]
        return function.message

    assert message('line = "HELLO %s\\r\\n" % name\nreturn line.encode()\n')
    assert message('line = "HELLO %s\\r\\n" % name\nreturn line\n')
    assert not message('line = "HELLO %s\\r\\n" % name\nfor line in items:\n    pass\n'
                       'return line\n')
    assert not message('with items as line:\n    pass\nreturn line\n')
    assert not message('if (line := items.pop()):\n    pass\nreturn line\n')
    assert not message('return line\n')


CALLERS = {
    "robot/__init__.py": "",
    "robot/link.py": """
        import socket

        class Link:
            def __init__(self, host, port):
                self.sock = socket.create_connection((host, port), timeout=10)

            def send_command(self, cmd):
                self.sock.send(cmd.encode())

            def _send_line(self, line):
                self.sock.send(bytes(line, "utf-8"))

            def quit(self):
                self._send_line("quit\\n")

            def execute(self, cmd):
                self._send_line(cmd + "\\n")

            def send_blob(self, blob):
                self.sock.send(blob)

            def send_spread(self, payload):
                self.sock.send(payload)

            def send_unused(self, payload):
                self.sock.send(payload)

            def named(self, *, body):
                self.sock.send(body)
        """,
    "robot/api.py": """
        from robot.link import Link

        class Arm(Link):
            def move(self, x, y):
                reply = self.send_command(f"MovJ({x}, {y})")
                if self.send_command("Sync()"):
                    return int(self.send_command("GetPose()"))
                return reply

            def speed(self, ratio):
                command = "SpeedFactor(%d)" % ratio
                self.send_command(command)
                self.named(body="STOP\\r\\n")

            def upload(self, path):
                with open(path, "rb") as f:
                    self.send_blob(f.read())

            def forward(self, args):
                self.send_spread(*args)
        """,
    "scripts/run.py": """
        from robot.api import Arm

        arm = Arm("robot", 29999)
        for n in range(3):
            arm.send_command("EnableRobot(%d)" % n)
            arm.script_only("Reset()")
        if __name__ == "__main__":
            arm.send_blob(b"x")
        """,
}


@pytest.mark.parametrize("packed", [False, True])
def test_callers_passing_messages_are_found_by_name_in_every_module(tmp_path, packed):
    index = build(tmp_path, CALLERS, packed)
    assert index.callers_pass_messages("send_command", 0, "cmd")
    assert index.callers_pass_messages("_send_line", 0, "line")
    assert index.callers_pass_messages("named", None, "body")
    assert not index.callers_pass_messages("named", 0, None)  # never passed by position
    assert not index.callers_pass_messages("send_blob", 0, "blob")  # f.read() in one call
    assert not index.callers_pass_messages("send_spread", 0, "payload")  # *args
    assert not index.callers_pass_messages("send_unused", 0, "payload")  # no call at all
    assert not index.callers_pass_messages("send_command", 8, None)  # past the positions
    assert index.callers_pass_messages("script_only", 0, None)  # a module-level loop


def test_a_partial_or_overfull_module_leaves_callers_unknown(tmp_path):
    index = build(tmp_path, CALLERS)
    [script] = [name for name in index.summaries.keys() if name.endswith("run")]
    summary = index.summaries[script]
    summary.partial = True
    index.__dict__.pop("_callargs", None)
    assert not index.callers_pass_messages("send_command", 0, "cmd")
    summary.partial = False
    summary.callargs.full = True
    index.__dict__.pop("_callargs", None)
    assert not index.callers_pass_messages("send_command", 0, "cmd")


def test_other_bindings_of_a_passed_name_make_it_no_message(tmp_path):
    index = build(tmp_path, {
        "app.py": """
            def grown(link, steps):
                program = "Program("
                for step in steps:
                    program += f"{step},"
                link.run_program(program)

            def unpacked(link, pair):
                line, rest = pair
                link.run_line(line)

            def looped(link, lines):
                for line in lines:
                    link.run_each(line)

            def plain(link, name):
                line = "RUN %s\\n" % name
                link.run_plain(line)
            """})
    for name in ("run_program", "run_line", "run_each"):
        assert not index.callers_pass_messages(name, 0, None), name
    assert index.callers_pass_messages("run_plain", 0, None)


def test_constants_built_from_literals(tmp_path):
    index = build(tmp_path, {"proto.py": """
        import six
        HEADER = six.b("\\xff" * 4)
        STATUS = HEADER + six.b("getstatus")
        HELLO = ("HELLO " + "v2\\r\\n").encode("ascii")
        TEXT = "ab" * 3
        HUGE = b"x" * 100000
        BAD = "\\u20ac".encode("ascii")
        MIXED = HEADER + "text"
        """})
    assert index.constant("proto", "HEADER") == b"\xff" * 4
    assert index.constant("proto", "STATUS") == b"\xff" * 4 + b"getstatus"
    assert index.constant("proto", "HELLO") == b"HELLO v2\r\n"
    assert index.constant("proto", "TEXT") == "ababab"
    for unknown in ("HUGE", "BAD", "MIXED"):
        assert not isinstance(index.constant("proto", unknown), (bytes, str)), unknown


def test_method_clears_follows_methods_super_and_other_modules(tmp_path):
    index = build(tmp_path, {
        "pkg/__init__.py": "",
        "pkg/base.py": """
            class Runner:
                def stop(self):
                    with self.lock:
                        self.running = False
                        self.error = None

                def restart(self):
                    self.running = True

                def maybe(self, now):
                    if now:
                        self.running = False

                def early(self, now):
                    if now:
                        return
                    self.running = False
        """,
        "pkg/server.py": """
            from pkg.base import Runner

            class Server(Runner):
                def stop(self):
                    try:
                        self.sock.close()
                    except OSError:
                        pass
                    super(Server, self).stop()
                    self.done = 1

                def halt(self):
                    self.stop()

                def flip(self):
                    self.stop()
                    self.restart()
        """,
    })
    assert index.method_clears("pkg.server.Server", "stop") == {
        "running": False, "error": False, "done": True}
    assert index.method_clears("pkg.server.Server", "halt")["running"] is False
    assert index.method_clears("pkg.base.Runner", "stop") == {"running": False,
                                                               "error": False}
    # set both ways, only under a test, or after a possible return: not on every path
    assert "running" not in index.method_clears("pkg.server.Server", "flip")
    assert index.method_clears("pkg.base.Runner", "maybe") == {}
    assert index.method_clears("pkg.base.Runner", "early") == {}
    assert index.method_clears("pkg.server.Server", "missing") == {}


LOOPBACK_CALLERS = {
    "svc/__init__.py": "",
    "svc/server.py": """
        class Server:
            def __init__(self, host, port, workers=4):
                self.host = host
        """,
    "svc/run.py": """
        import os

        import click

        from svc.server import Server

        HOST = "127.0.0.1"

        def run(host="localhost", port=8000):
            Server(host, port)

        def from_env(port):
            Server(os.getenv("SVC_HOST", "127.0.0.2"), port)

        def from_config(config):
            return Server(config.get("host", "::1"), 1)

        @click.command()
        @click.option("--host", default="localhost")
        def cli(host):
            Server(host, 9000)

        def rebinding(host="localhost"):
            host = host.strip()
            Server(host, 1)

        def exposed(port):
            Server("0.0.0.0", port, workers=HOST)
        """,
    "tests/test_server.py": """
        from svc.server import Server

        HOST = "127.0.0.1"
        server = Server(HOST, 0)
        other = Server(host="localhost", port=0)
        """,
}


@pytest.mark.parametrize("packed", [False, True])
def test_callers_passing_loopback_are_found_by_name_in_every_module(tmp_path, packed):
    files = dict(LOOPBACK_CALLERS)
    files["svc/run.py"] = files["svc/run.py"].replace(
        "host = host.strip()", "pass").replace('Server("0.0.0.0", port', 'Server(HOST, port')
    index = build(tmp_path, files, packed)
    # literals, module constants, a parameter's or click option's default, a lookup's default
    assert index.callers_pass_loopback("Server", 0, "host")
    assert index.callers_pass_loopback("Server", None, "workers")  # HOST, by keyword
    assert not index.callers_pass_loopback("Server", 1, "port")  # a port is no host
    assert not index.callers_pass_loopback("Missing", 0, "host")  # no call at all
    assert not index.callers_pass_loopback("Server", 8, None)  # past the positions


def test_a_caller_passing_another_host_or_a_rebound_name_is_no_loopback(tmp_path):
    files = dict(LOOPBACK_CALLERS)
    files["svc/run.py"] = files["svc/run.py"].replace('Server("0.0.0.0", port', 'Server(HOST, port')
    index = build(tmp_path, files)  # rebinding() strips its parameter first
    assert not index.callers_pass_loopback("Server", 0, "host")
    files = dict(LOOPBACK_CALLERS)
    files["svc/run.py"] = files["svc/run.py"].replace("host = host.strip()", "pass")
    index = build(tmp_path / "other", files)  # exposed() passes every interface
    assert not index.callers_pass_loopback("Server", 0, "host")


def test_callers_in_tests_and_examples_are_no_users(tmp_path):
    files = {
        "lib/__init__.py": "",
        "lib/client.py": """
            class Client:
                def __init__(self, host, port):
                    self.host = host
            """,
        "tests/test_client.py": """
            from lib.client import Client
            client = Client("localhost", 7777)
            """,
        "lib/test_helpers.py": """
            from lib.client import Client
            Client("127.0.0.1", 1)
            """,
        "examples/demo.py": """
            from lib.client import Client
            Client("localhost", 7777)
            """,
    }
    index = build(tmp_path, files)
    assert not index.callers_pass_loopback("Client", 0, "host")  # its users pass their own
    files["lib/cli.py"] = """
        from lib.client import Client

        def main(host="127.0.0.1"):
            Client(host, 7777)
        """
    assert build(tmp_path / "app", files).callers_pass_loopback("Client", 0, "host")


@pytest.mark.parametrize("body, local", [
    ('host = "127.0.0.1"\n    Server(host, 1)', True),
    ('host = HOST\n    Server(host, 1)', True),
    ('host = "127.0.0.1"\n    if remote:\n        host = "0.0.0.0"\n    Server(host, 1)', False),
    ('host = "127.0.0.1"\n    for host in hosts:\n        Server(host, 1)', False),
    ('host = "db.example.net"\n    Server(host, 1)', False),
])
def test_a_caller_local_name_assigned_once_holds_that_host(tmp_path, body, local):
    files = {
        "svc/__init__.py": "",
        "svc/server.py": """
            class Server:
                def __init__(self, host, port):
                    self.host = host
            """,
        "svc/run.py": "from svc.server import Server\n\nHOST = 'localhost'\n\n\n"
                      "def main(remote=False, hosts=()):\n    " + body + "\n",
    }
    assert build(tmp_path, files).callers_pass_loopback("Server", 0, "host") is local


@pytest.mark.parametrize("packed", [False, True])
@pytest.mark.parametrize("caller, local", [
    # a constant imported from another module, passed as it is or as a parameter's default
    ("def main():\n    Server(LOCAL, 1)\n", True),
    ("def main(host=LOCAL):\n    Server(host, 1)\n", True),
    ("def main(host=ALIAS):\n    Server(host, 1)\n", True),  # re-exported by svc.names
    ("def main(host=FROM_ENV):\n    Server(host, 1)\n", True),  # the lookup's default
    ("def main():\n    Server(PUBLIC_ENV, 1)\n", False),
    ("def main(host=PUBLIC):\n    Server(host, 1)\n", False),
    ("def main(host=LOCAL):\n    host = host.strip()\n    Server(host, 1)\n", False),
    ("def main(host=settings):\n    Server(host, 1)\n", False),  # a module, no constant
    ("def main(host=LOCAL):\n    Server(host, 1)\n\n\ndef other():\n"
     "    Server(PUBLIC, 2)\n", False),
])
def test_callers_passing_a_constant_imported_from_another_module(tmp_path, packed, caller,
                                                                 local):
    files = {
        "svc/__init__.py": "",
        "svc/settings.py": "import os\nLOCAL = '127.0.0.1'\nPUBLIC = '0.0.0.0'\n"
                           "FROM_ENV = os.getenv('SVC_HOST', 'localhost')\n"
                           "PUBLIC_ENV = os.environ.get('SVC_PUBLIC', '0.0.0.0')\n",
        "svc/names.py": "from svc.settings import LOCAL as ALIAS\n",
        "svc/server.py": """
            class Server:
                def __init__(self, host, port):
                    self.host = host
            """,
        "svc/run.py": "from svc import settings\nfrom svc.names import ALIAS\n"
                      "from svc.server import Server\n"
                      "from svc.settings import FROM_ENV, LOCAL, PUBLIC, PUBLIC_ENV\n\n\n"
                      + caller,
    }
    index = build(tmp_path, files, packed)
    assert index.callers_pass_loopback("Server", 0, "host") is local
    # and, seen from the module that defines it, another module's call passes another host
    assert index.callers_pass_other_host("Server", 0, "host", "svc.server") is not local
    # a position past the recorded ones says nothing where no module calls the name
    assert not index.callers_pass_other_host("Missing", 9, None, "svc.server")
    assert index.callers_pass_other_host("Server", 9, None, "svc.server")


@pytest.mark.parametrize("imported, unimportable", [
    ("devtree.server_packages.common.utils", True),  # the author's own tree
    ("server_packages.common.utils", False),  # the project's own module
    ("devtree.common.utils", False),  # the rest is no module of the project
    ("devtree.server_packages", False),  # the rest is one part only
    ("json.server_packages.common.utils", False),  # the standard library's
    ("tools.server_packages.common.utils", False),  # the project has a ``tools``
    ("project.server_packages.common.utils", False),  # the root's own directory name
])
def test_a_module_importing_a_path_of_the_authors_own_tree_cannot_be_imported(
        tmp_path, imported, unimportable):
    root = tmp_path / "project"
    files = {
        "server_packages/__init__.py": "", "server_packages/common/__init__.py": "",
        "server_packages/common/utils.py": "def send(sock, message):\n    pass\n",
        "server_packages/server/__init__.py": "",
        "server_packages/server/core.py": f"from {imported} import send\n",
        "server_packages/server/main.py": "from server_packages.server.core import send\n",
        "server_packages/server/guarded.py":
            f"try:\n    from {imported} import send\nexcept ImportError:\n    send = None\n",
        "server_packages/server/pathed.py":
            f"import sys\nsys.path.append('../../..')\nfrom {imported} import send\n",
        "tools/__init__.py": "",
    }
    index = build(root, files)
    assert index.unimportable("server_packages.server.core") is unimportable
    assert index.unimportable("server_packages.server.main") is unimportable  # imports it
    assert not index.unimportable("server_packages.server.guarded")  # in a try
    assert not index.unimportable("server_packages.server.pathed")  # its own sys.path
    assert not index.unimportable("server_packages.common.utils")


def test_callers_passing_zero_are_found_by_name_in_every_module(tmp_path):
    files = {
        "svc/__init__.py": "",
        "svc/server.py": """
            class Listener:
                def __init__(self, port, backlog=0):
                    self.port = port

            class Lobby:
                def __init__(self, port):
                    self.port = port
            """,
        "svc/run.py": """
            from svc.server import Listener, Lobby

            NO_PORT = 0
            FIXED = 7000

            def main(port=8000):
                Listener(port=0, backlog=2)
                Listener(NO_PORT)
                Lobby(0)
                Lobby(FIXED)
            """,
        "tests/test_run.py": """
            from svc.server import Lobby

            def test_lobby():
                Lobby(port=0)
            """,
    }
    index = build(tmp_path, files)
    assert index.callers_pass_zero("Listener", 0, "port")  # a literal and a constant 0
    assert not index.callers_pass_zero("Lobby", 0, "port")  # one call passes 7000
    assert not index.callers_pass_zero("Listener", 1, "backlog")  # 2 is no 0
    assert not index.callers_pass_zero("Missing", 0, "port")  # no call at all
