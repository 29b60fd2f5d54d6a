# SCK203 flag: a non-blocking SSL socket guarded only against BlockingIOError; SSLWantReadError is not a subclass of it.
import select
import socket
import ssl


def fetch_nonblocking(host: str, request: bytes) -> bytes:
    ctx = ssl.create_default_context()
    raw = socket.create_connection((host, 443), timeout=10)
    tls = ctx.wrap_socket(raw, server_hostname=host)
    tls.setblocking(False)
    try:
        sent = tls.send(request)  # expect: SCK203
    except BlockingIOError:
        sent = 0
    if sent < len(request):
        tls.close()
        return b""
    select.select([tls], [], [], 5.0)
    try:
        data = tls.recv(16384)  # expect: SCK203
    except BlockingIOError:
        data = b""
    tls.close()
    return data
