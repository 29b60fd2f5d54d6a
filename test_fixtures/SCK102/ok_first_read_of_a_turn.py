# SCK102 ok: a header of at most 48 bytes read first in a turn. The read comes right after this
# code's own send on the same socket (the peer had nothing queued when it wrote its reply), or
# first on a connection made or accepted here, or first in a socketserver handler's handle():
# the bytes start a TCP segment, and a segment carries at least 48 bytes of payload unless the
# peer's write was smaller.
import socket
import socketserver
import struct


def call(s: socket.socket, message_len: bytes, data: bytes) -> bytes:
    s.sendall(message_len + data)
    reply_len = struct.unpack("!i", s.recv(4))[0]
    reply = s.recv(reply_len)
    while len(reply) < reply_len:
        chunk = s.recv(reply_len - len(reply))
        if not chunk:
            raise ConnectionError("closed mid-reply")
        reply += chunk
    return reply


class ChallengeHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        (size,) = struct.unpack("h", self.request.recv(2))
        self.request.sendall(b"challenge" * size)
        (answer,) = struct.unpack("h", self.request.recv(2))
        self.request.sendall(b"ok" if answer == size else b"no")


def serve_one(listener: socket.socket) -> bytes:
    conn, _addr = listener.accept()
    hdr = conn.recv(8)
    kind = hdr[0:4]
    size = hdr[4:8]
    return kind + size


def ask_version(address) -> int:
    with socket.create_connection(address, timeout=5.0) as sock:
        return int.from_bytes(sock.recv(2), "big")


def ask_status(address) -> int:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(address)
    sock.settimeout(5.0)
    (status,) = struct.unpack("!I", sock.recv(4))
    return status


def poll_forever(sock: socket.socket) -> None:
    while True:
        sock.sendall(b"PING")
        (load,) = struct.unpack("!H", sock.recv(2))
        if load == 0:
            break


def query(sock: socket.socket, urgent: bool) -> int:
    if urgent:
        sock.sendall(b"U")
    else:
        sock.sendall(b"N")
    return struct.unpack("!I", sock.recv(4))[0]


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def request(self, payload: bytes) -> int:
        self.sock.sendall(payload)
        raw = self.sock.recv(4)
        (code,) = struct.unpack(">I", raw)
        return code


def wide_header(sock: socket.socket) -> tuple:
    sock.sendall(b"STAT")
    return struct.unpack("!4I", sock.recv(16))


def socks_greeting(conn: socket.socket) -> tuple:
    """A function defined inside this one whose body only writes to `conn` (a closure):
    calling it writes, as a send would, so the read after it starts a turn."""
    def send_reply(data: bytes) -> None:
        conn.sendall(struct.pack("!B", len(data)) + data)

    conn.sendall(b"\x05")
    send_reply(b"\x05\x00")
    request = conn.recv(4)
    return request[3], struct.unpack("!H", conn.recv(2))[0]


class CommandClient:
    """A method of the class whose last statement writes to `self._sock`: calling it
    leaves the stream with that write as its last event, so the next read starts a turn."""

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock

    def _send_command(self, command: int, payload: bytes = b"") -> None:
        self._sock.sendall(bytes([command]) + payload)

    def get_count(self) -> int:
        self._send_command(3, b"\x00\x00\x00")
        return struct.unpack("<H", self._sock.recv(2))[0]


def socks4_connect(proxy: socket.socket, request: bytes) -> int:
    # recv(1024) asks for more, but the decoder takes the 8 bytes of the reply that starts
    # the turn: those arrive together as a smaller read would
    proxy.sendall(request)
    _, status, _, _ = struct.unpack("!BBH4s", proxy.recv(1024))
    return status
