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
