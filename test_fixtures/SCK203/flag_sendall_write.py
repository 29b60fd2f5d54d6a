# SCK203 flag: send() and write() on non-blocking SSL sockets (with-statement and annotated).
import socket
import ssl


def push_update(host: str, port: int, body: bytes) -> int:
    ctx = ssl.create_default_context()
    with socket.create_connection((host, port), timeout=5) as raw:
        with ctx.wrap_socket(raw, server_hostname=host) as tls:
            tls.setblocking(False)
            return tls.send(body)  # expect: SCK203


def push_header(tls: ssl.SSLSocket, header: bytes) -> int:
    tls.setblocking(False)
    return tls.write(header)  # expect: SCK203
