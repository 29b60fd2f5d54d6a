# SCK201 lookalike: pyOpenSSL's SSL.Connection has setblocking()/recv()/send() but is not a socket object.
import socket

from OpenSSL import SSL


def fetch_banner(host: str, port: int) -> bytes:
    ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)
    raw = socket.create_connection((host, port), timeout=10)
    conn = SSL.Connection(ctx, raw)
    conn.set_tlsext_host_name(host.encode("idna"))
    conn.set_connect_state()
    conn.setblocking(False)
    try:
        banner = conn.recv(1024)
    except SSL.WantReadError:
        banner = b""
    return banner


def flush(conn: SSL.Connection, out: bytearray) -> None:
    conn.setblocking(False)
    try:
        sent = conn.send(bytes(out))
    except (SSL.WantWriteError, SSL.WantReadError):
        return
    del out[:sent]


class Channel:
    """The connection comes from a method of the class that returns a pyOpenSSL
    Connection: still no socket."""

    def __init__(self, ctx: SSL.Context, raw: socket.socket) -> None:
        self._socket = raw
        self._ctx = ctx
        self._connection = None

    def _make_connection(self):
        return SSL.Connection(self._ctx, self._socket)

    def open(self) -> None:
        self._connection = self._make_connection()
        self._connection.set_connect_state()

    def poll(self, size: int) -> bytes:
        self._connection.setblocking(0)
        try:
            return self._connection.recv(size)
        except SSL.WantReadError:
            return b""
