# SCK203 ok: SSL sockets in blocking or timeout mode never raise SSLWant*Error, so no handler is needed there.
import select
import socket
import ssl


def get(host: str, path: str) -> bytes:
    ctx = ssl.create_default_context()
    with socket.create_connection((host, 443), timeout=15) as raw:
        with ctx.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode("ascii"))
            chunks = []
            while True:
                data = tls.recv(8192)
                if not data:
                    break
                chunks.append(data)
    return b"".join(chunks)


def handshake_then_block(ctx: ssl.SSLContext, raw: socket.socket, host: str) -> bytes:
    tls = ctx.wrap_socket(raw, server_hostname=host, do_handshake_on_connect=False)
    tls.setblocking(False)
    while True:
        try:
            tls.do_handshake()
            break
        except ssl.SSLWantReadError:
            select.select([tls], [], [], 5.0)
        except ssl.SSLWantWriteError:
            select.select([], [tls], [], 5.0)
    tls.settimeout(30.0)
    tls.sendall(b"PING\r\n")
    return tls.recv(1024)
