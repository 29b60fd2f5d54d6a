# SCK101 ok: recv loops that test for EOF with `if not data`, `len(chunk) == 0` and `n == 0` before going round.
import socket
import socketserver


class EchoHandler(socketserver.BaseRequestHandler):
    def handle(self) -> None:
        while True:
            data = self.request.recv(4096)
            if not data:
                break
            self.request.sendall(data)


def recv_exact(sock: socket.socket, size: int) -> bytes:
    buf = bytearray(size)
    view = memoryview(buf)
    pos = 0
    while pos < size:
        n = sock.recv_into(view[pos:])
        if n == 0:
            raise EOFError(f"peer closed after {pos} of {size} bytes")
        pos += n
    return bytes(buf)


def read_until(sock: socket.socket, sep: bytes = b"\n") -> bytes:
    buf = b""
    while sep not in buf:
        chunk = sock.recv(1024)
        if len(chunk) == 0:
            raise ConnectionError("connection closed before separator")
        buf += chunk
    return buf


class TLSConnection:
    """Draining what an SSL socket already holds decrypted: recv() returns those bytes, never
    b"", while pending() is non-zero."""

    def __init__(self, sock) -> None:
        self.sock = sock

    def drain_pending(self) -> bytes:
        data = b""
        pending = self.sock.pending()
        while pending:
            data += self.sock.recv(pending)
            pending = self.sock.pending()
        return data


class ShellSession:
    """An SSH channel asked recv_ready() first: it says so only while bytes are buffered,
    and recv() then returns them, never b""."""

    def __init__(self, sock) -> None:
        self.sock = sock

    def read_output(self) -> bytes:
        out = b""
        while not self.sock.exit_status_ready():
            if self.sock.recv_ready():
                out += self.sock.recv(1024)
        return out


def read_all_walrus(sock: socket.socket) -> bytes:
    # the assignment expression is the test: an empty read ends the loop
    buf = b""
    while data := sock.recv(4096):
        buf += data
    return buf


def read_number(sock: socket.socket) -> int:
    # a predicate that b"" fails tests the read: the assert raises at end of file
    digits = b""
    while True:
        c = sock.recv(1)
        if c == b":":
            return int(digits)
        assert c.isdigit()
        digits += c


def read_word(sock: socket.socket) -> bytes:
    word = b""
    while True:
        c = sock.recv(1)
        if not c.isalpha():
            return word
        word += c
