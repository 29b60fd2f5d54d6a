"""Which reads are the first of a turn (analysis.turns): the fact SCK102 uses to stay silent
about a small header read right after the code's own send or on a new connection."""

import libcst as cst
import pytest

from lint_sockets.analysis.nodes import int_value
from lint_sockets.analysis.turns import turn_starts
from lint_sockets.analysis.walk import build_model


def starting_sizes(source):
    """The sizes of the ``recv(n)`` calls that start a turn (each snippet gives each read a
    size of its own)."""
    model = build_model(cst.parse_module(source))
    sizes = set()
    for scope in model.scopes:
        if scope.kind != "function":
            continue
        starts = turn_starts(model.imports, scope)
        for site in model.calls_in(scope):
            if site.method == "recv" and id(site.node) in starts:
                sizes.add(int_value(site.positional(0)))
    return sizes


CASES = [
    ("send then two reads", """
def f(sock):
    sock.sendall(b"q")
    sock.recv(2)
    sock.recv(3)
""", {2}),
    ("a new turn after a read", """
def f(sock):
    sock.sendall(b"q")
    sock.recv(2)
    sock.sendall(b"r")
    sock.recv(3)
""", {2, 3}),
    ("no send: a parameter may be mid-stream", """
def f(sock):
    sock.recv(2)
""", set()),
    ("conditional expression send", """
def f(sock, x):
    sock.sendall(b"q") if x else None
    sock.recv(2)
""", set()),
    ("read in a comprehension", """
def f(sock):
    sock.sendall(b"q")
    return [sock.recv(2) for _ in range(3)]
""", set()),
    ("handler after a try that read", """
def f(sock):
    sock.sendall(b"q")
    try:
        sock.recv(5)
    except OSError:
        sock.recv(2)
""", {5}),
    ("handler after a try that did not touch the socket", """
def f(sock):
    sock.sendall(b"q")
    try:
        x = compute()
    except ValueError:
        x = None
    sock.recv(2)
""", {2}),
    ("send inside while True, read after the break", """
def f(sock):
    while True:
        if ready():
            sock.sendall(b"q")
            break
    sock.recv(2)
""", {2}),
    ("a loop that never touches the socket", """
def f(sock, items):
    sock.sendall(b"q")
    for item in items:
        log(item)
    sock.recv(2)
""", {2}),
    ("a loop that reads, then a read after it", """
def f(sock, n):
    sock.sendall(b"q")
    buf = b""
    while len(buf) < n:
        buf += sock.recv(6)
    sock.recv(2)
""", set()),
    ("a loop whose test reads", """
def f(sock):
    sock.sendall(b"q")
    while sock.recv(7):
        pass
    sock.recv(2)
""", set()),
    ("the else block of a loop runs only without a break", """
def f(sock, items):
    for item in items:
        if item:
            break
    else:
        sock.sendall(b"q")
    sock.recv(2)
""", set()),
    ("continue skips the send", """
def f(sock, items):
    for item in items:
        if item:
            sock.sendall(item)
        else:
            continue
        sock.recv(2)
""", {2}),
    ("with-as a new connection, then wrapped", """
import socket, ssl
def f(address, context):
    with socket.create_connection(address) as raw:
        tls = context.wrap_socket(raw)
        tls.recv(2)
""", {2}),
    ("accept by index", """
def f(listener):
    conn = listener.accept()[0]
    conn.recv(2)
""", {2}),
    ("the socket handed to a helper", """
def f(sock):
    sock.sendall(b"q")
    consume(sock)
    sock.recv(2)
""", set()),
    ("select does not read", """
import select
def f(sock):
    sock.sendall(b"q")
    select.select([sock], [], [], 5)
    sock.recv(2)
""", {2}),
    ("a read on another object may be an alias", """
def f(sock, reader):
    sock.sendall(b"q")
    reader.read(10)
    sock.recv(2)
""", set()),
    ("a method of self between", """
class C:
    def f(self):
        self.sock.sendall(b"q")
        self.skip()
        self.sock.recv(2)
    def g(self):
        self.sock.sendall(b"q")
        super().skip()
        self.sock.recv(3)
    def h(self):
        self.sock.sendall(b"q")
        self.log.debug("sent")
        self.sock.recv(4)
""", {4}),
    ("a nested function called between", """
def f(sock):
    def skip():
        sock.recv(64)
    sock.sendall(b"q")
    skip()
    sock.recv(2)
""", set()),
    ("rebinding the name forgets the turn", """
def f(sock, other):
    sock.sendall(b"q")
    sock = other
    sock.recv(2)
""", set()),
    ("handler first read, not in a subclass of a project class", """
import socketserver
class H(socketserver.StreamRequestHandler):
    def handle(self):
        self.request.recv(2)
class Base:
    pass
class K(Base):
    def handle(self):
        self.request.recv(3)
""", {2}),
    ("handler whose __init__ reads nothing, and one whose setup reads", """
import socketserver
class H(socketserver.BaseRequestHandler):
    def __init__(self, request, address, server):
        self.target = server.config.pick()
        super().__init__(request, address, server)
    def handle(self):
        self.request.recv(2)
class S(socketserver.BaseRequestHandler):
    def setup(self):
        self.greeting = self.request.recv(16)
    def handle(self):
        self.request.recv(3)
class T(socketserver.BaseRequestHandler):
    def setup(self):
        self.prepare()
    def handle(self):
        self.request.recv(4)
""", {2}),
    ("handler: self.connection is self.request", """
import socketserver
class H(socketserver.StreamRequestHandler):
    def handle(self):
        self.request.recv(2)
        self.connection.recv(3)
""", {2}),
    ("handler that reads its rfile first", """
import socketserver
class H(socketserver.StreamRequestHandler):
    def handle(self):
        self.rfile.readline()
        self.request.recv(2)
""", set()),
]


@pytest.mark.parametrize("source, expected", [(s, e) for _, s, e in CASES],
                         ids=[name for name, _, _ in CASES])
def test_first_read_of_a_turn(source, expected):
    assert starting_sizes(source) == expected
