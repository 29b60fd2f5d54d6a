# SCK901 ok: numbers in handlers that catch only ssl.SSLError classes (SSL_ERROR_* codes) or socket.gaierror (EAI_* codes).
import socket
import ssl


def read_tls(tls: ssl.SSLSocket, n: int) -> bytes:
    try:
        return tls.recv(n)
    except ssl.SSLError as e:
        if e.errno == 8:  # SSL_ERROR_EOF: the peer closed without close_notify
            return b""
        raise


def resolve(host: str, port: int):
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        if e.errno in (8, 11001):  # EAI_NONAME on macOS, WSAHOST_NOT_FOUND on Windows
            return []
        raise


def handshake(tls: ssl.SSLSocket) -> bool:
    try:
        tls.do_handshake()
    except (ssl.SSLWantReadError, ssl.SSLWantWriteError) as e:
        return e.args[0] == 2
    return True
