# SCK601 ok: an SSL socket's send() writes the whole buffer or raises (CPython never enables OpenSSL's partial writes), so its count is always the full length.
import socket
import ssl

# Every socket made here is in timeout mode: only the exemption keeps send() quiet.
socket.setdefaulttimeout(30)


def greet(host: str, port: int, context: ssl.SSLContext) -> None:
    raw = socket.create_connection((host, port), timeout=10)
    with context.wrap_socket(raw, server_hostname=host) as tls:
        tls.send(b"HELLO\r\n")
        tls.recv(1024)


def answer(tls: ssl.SSLSocket, body: bytes) -> None:
    tls.send(b"HTTP/1.0 200 OK\r\n\r\n" + body)


class Client:
    def __init__(self, host: str, port: int) -> None:
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(socket.create_connection((host, port), 10),
                                        server_hostname=host)

    def ping(self) -> None:
        self.sock.send(b"PING\r\n")
