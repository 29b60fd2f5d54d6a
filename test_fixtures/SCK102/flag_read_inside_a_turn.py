# SCK102 flag: reads that are not the first of a turn and end past its first 48 bytes (a read
# came before them since the last send), reads in a loop whose iterations do not each send
# first, and sizes the code does not fix or above 48 bytes: these bytes can straddle segments.
import socket
import socketserver
import ssl
import struct


def header_then_code(sock: socket.socket) -> int:
    sock.sendall(b"REQ")
    fields = struct.unpack("!6Q", sock.recv(48))
    (code,) = struct.unpack("!H", sock.recv(2))  # expect: SCK102
    length = sum(fields)
    return length + code


def wide_header(sock: socket.socket) -> tuple:
    sock.sendall(b"REQ")
    return struct.unpack("!8Q", sock.recv(64))  # expect: SCK102


def unknown_size(sock: socket.socket, size: int) -> tuple:
    sock.sendall(b"REQ")
    return struct.unpack("!I", sock.recv(size))  # expect: SCK102


def stream_of_frames(sock: socket.socket) -> None:
    sock.sendall(b"SUBSCRIBE")
    while True:
        (length,) = struct.unpack("!I", sock.recv(4))  # expect: SCK102
        if length == 0:
            break


def answer_in_a_loop(listener: socket.socket) -> None:
    conn, _addr = listener.accept()
    while True:
        header = conn.recv(4)  # expect: SCK102
        if not header:
            break
        (length,) = struct.unpack("!I", header)
        conn.sendall(b"x" * length)


def connected_before_the_loop(address) -> None:
    sock = socket.create_connection(address, timeout=5.0)
    for _ in range(3):
        (length,) = struct.unpack("!I", sock.recv(4))  # expect: SCK102
        print(length)


def send_on_one_path(sock: socket.socket, ping: bool) -> int:
    sock.recv(1024)
    if ping:
        sock.sendall(b"PING")
    return struct.unpack("!I", sock.recv(4))[0]  # expect: SCK102


def skip_banner(sock: socket.socket) -> None:
    sock.recv(64)


def banner_then_header(sock: socket.socket) -> int:
    sock.sendall(b"HELLO")
    skip_banner(sock)
    return struct.unpack("!I", sock.recv(4))[0]  # expect: SCK102


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def drain(self) -> None:
        self.sock.recv(1024)

    def request(self, payload: bytes) -> int:
        self.sock.sendall(payload)
        self.drain()
        raw = self.sock.recv(4)  # expect: SCK102
        (code,) = struct.unpack(">I", raw)
        return code


class TwoHeaders(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        kind = sum(struct.unpack("6q", self.request.recv(48)))
        (size,) = struct.unpack("h", self.request.recv(2))  # expect: SCK102
        self.request.sendall(b"x" * (kind + size))


class PreparedHandler(socketserver.BaseRequestHandler):
    def setup(self) -> None:
        self.greeting = self.request.recv(16)

    def handle(self) -> None:
        (size,) = struct.unpack("h", self.request.recv(2))  # expect: SCK102
        self.request.sendall(b"x" * size)


def tls_header(address, context: ssl.SSLContext) -> int:
    raw = socket.create_connection(address, timeout=5.0)
    tls = context.wrap_socket(raw, server_hostname=address[0])
    tls.sendall(b"REQ")
    return struct.unpack("!I", tls.recv(4))[0]  # expect: SCK102


def closures_that_do_more(conn: socket.socket, other: socket.socket) -> tuple:
    """Closures that read, that write to another socket, or that are handed the socket
    start no turn on it."""
    def exchange(data: bytes) -> bytes:
        conn.sendall(data)
        return conn.recv(1)

    def tell_other(data: bytes) -> None:
        other.sendall(data)

    def send_to(target: socket.socket, data: bytes) -> None:
        target.sendall(data)

    def send_and_check(data: bytes, checker) -> None:
        conn.sendall(data)
        checker.wait_for_ack()  # may read conn: not a function of an imported module

    conn.sendall(b"HELLO")
    exchange(b"A")
    first = struct.unpack("!I", conn.recv(4))[0]  # expect: SCK102
    conn.recv(1024)
    tell_other(b"C")
    second = struct.unpack("!I", conn.recv(4))[0]  # expect: SCK102
    conn.sendall(b"D")
    conn.recv(1)
    send_to(conn, b"E")
    third = struct.unpack("!I", conn.recv(4))[0]  # expect: SCK102
    send_and_check(b"F", other)
    fourth = struct.unpack("!I", conn.recv(4))[0]  # expect: SCK102
    return first, second, third, fourth


class AckingClient:
    """Methods whose last statement is not a write on the socket end the turn."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def _send_and_ack(self, payload: bytes) -> bytes:
        self._sock.sendall(payload)
        return self._sock.recv(1)

    def _send_then_log(self, payload: bytes) -> None:
        self._sock.sendall(payload)
        self._sock.recv(1024)

    def count(self) -> int:
        self._send_and_ack(b"C")
        first = struct.unpack("<H", self._sock.recv(2))[0]  # expect: SCK102
        self._send_then_log(b"D")
        return first + struct.unpack("<H", self._sock.recv(2))[0]  # expect: SCK102
