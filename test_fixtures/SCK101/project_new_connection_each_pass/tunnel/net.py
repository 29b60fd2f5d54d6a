"""Connection factories: two make a new socket on every call, two may hand out one kept."""
import socket

_CACHE = {}


class TCPConnection:
    @classmethod
    def connect_raw(cls, host: str, port: int) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(10)
        sock.connect((host, port))
        return sock


def dial(host: str, port: int) -> socket.socket:
    return TCPConnection.connect_raw(host, port)


def cached(host: str, port: int) -> socket.socket:
    if (host, port) in _CACHE:
        return _CACHE[(host, port)]
    sock = socket.create_connection((host, port), timeout=10)
    _CACHE[(host, port)] = sock
    return sock


class Pool:
    def __init__(self) -> None:
        self.sock = None

    def get(self, host: str, port: int) -> socket.socket:
        if self.sock is None:
            self.sock = socket.create_connection((host, port), timeout=10)
        return self.sock
