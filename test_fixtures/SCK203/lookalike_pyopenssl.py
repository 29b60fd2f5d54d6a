# SCK203 lookalike: pyOpenSSL's SSL.Connection raises SSL.WantReadError, not ssl.SSLWantReadError; it is not an ssl.SSLSocket.
import select
import socket

from OpenSSL import SSL


def tls_handshake(host: str, port: int) -> SSL.Connection:
    ctx = SSL.Context(SSL.TLS_CLIENT_METHOD)
    ctx.set_default_verify_paths()
    raw = socket.create_connection((host, port), timeout=10)
    conn = SSL.Connection(ctx, raw)
    conn.set_tlsext_host_name(host.encode("idna"))
    conn.set_connect_state()
    conn.setblocking(False)
    while True:
        try:
            conn.do_handshake()
            return conn
        except SSL.WantReadError:
            select.select([raw], [], [], 10.0)
        except SSL.WantWriteError:
            select.select([], [raw], [], 10.0)


def read_some(conn: SSL.Connection) -> bytes:
    try:
        return conn.read(16384)
    except (SSL.WantReadError, SSL.ZeroReturnError):
        return b""


def write_some(conn: SSL.Connection, data: bytes) -> int:
    try:
        return conn.write(data)
    except SSL.WantWriteError:
        return 0
