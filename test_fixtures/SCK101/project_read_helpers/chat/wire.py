# Read helpers: none loops, so none is reported itself; their callers' loops are.
import socket


def read_some(sock: socket.socket) -> bytes:
    return sock.recv(4096)


def read_exactly_some(sock: socket.socket) -> bytes:
    data = sock.recv(4096)
    if not data:
        raise ConnectionError("peer closed")
    return data


class Channel:
    def __init__(self, sock: socket.socket):
        self.sock = sock

    def read_chunk(self) -> bytes:
        return self.sock.recv(4096)

    def read_checked(self) -> bytes:
        chunk = self.sock.recv(4096)
        if chunk == b"":
            raise EOFError
        return chunk


class Stream:
    """A wrapper that forwards recv() to its socket: its callers' loops are checked."""

    def __init__(self, sock: socket.socket):
        self._sock = sock

    def recv(self, size: int) -> bytes:
        return self._sock.recv(size)


class SafeStream:
    """A wrapper whose recv() raises at end of file: its callers need no check."""

    def __init__(self, sock: socket.socket):
        self._sock = sock

    def recv(self, size: int) -> bytes:
        data = self._sock.recv(size)
        if not data:
            raise EOFError("peer closed")
        return data
