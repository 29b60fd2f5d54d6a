import socket


def dial(host: str, port: int, timeout: float) -> socket.socket:
    return socket.create_connection((host, port), timeout)


def dial_maybe(host: str, port: int, timeout=None) -> socket.socket:
    return socket.create_connection((host, port), timeout)


def dial_keyword(host: str, port: int) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=30)
    return sock
