# Project classes that hold a socket. Forwarder hands recv() straight through; Stream
# raises on EOF itself, so its recv() is no bare socket read.
import socket


class Forwarder:
    def __init__(self, sock: socket.socket):
        self._sock = sock

    def recv(self, n):
        return self._sock.recv(n)


class Stream:
    def __init__(self, raw):
        self.raw = raw

    def recv(self, n):
        data = self.raw.recv(n)
        if not data:
            raise EOFError("peer closed")
        return data


class FramedStream(Stream):
    pass


class BaseClient:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=10)
        self._conn = self.sock

    @property
    def _socket(self):
        return self._conn


def open_framed(raw):
    return FramedStream(raw)
