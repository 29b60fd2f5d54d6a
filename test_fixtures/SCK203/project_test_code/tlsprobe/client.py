# SCK203 outside test code: the same non-blocking TLS read in the program is reported.
import socket
import ssl


def fetch(ctx: ssl.SSLContext, host: str) -> bytes:
    raw = socket.create_connection((host, 443), timeout=5)
    tls = ctx.wrap_socket(raw, server_hostname=host)
    tls.setblocking(False)
    return tls.recv(4096) + tls.recv(4096)  # expect: SCK203
