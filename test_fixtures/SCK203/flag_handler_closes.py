# SCK203 flag: handlers that catch ssl.SSLError or OSError but close the socket or re-raise do not handle SSLWantReadError.
import logging
import select
import socket
import ssl as tlslib

log = logging.getLogger(__name__)


def _wait_readable(sock, timeout: float) -> None:
    select.select([sock], [], [], timeout)


def read_response(host: str, port: int) -> bytes:
    ctx = tlslib.SSLContext(tlslib.PROTOCOL_TLS_CLIENT)
    ctx.load_default_certs()
    raw = socket.create_connection((host, port), timeout=10)
    tls = ctx.wrap_socket(raw, server_hostname=host)
    tls.setblocking(False)
    chunks = []
    while True:
        _wait_readable(tls, 10.0)
        try:
            data = tls.recv(8192)  # expect: SCK203
        except tlslib.SSLError:
            tls.close()
            raise
        if not data:
            break
        chunks.append(data)
    tls.close()
    return b"".join(chunks)


def read_into(tls: tlslib.SSLSocket, buf: bytearray):
    tls.setblocking(False)
    try:
        return tls.recv_into(buf)  # expect: SCK203
    except OSError as exc:
        log.warning("TLS read failed: %s", exc)
        tls.close()
        return None
