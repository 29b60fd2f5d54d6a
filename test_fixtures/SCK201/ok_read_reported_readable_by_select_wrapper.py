# SCK201 ok: a readiness wait through a wrapper of select.select, called with select's own
# arguments (three lists written out, then a timeout): a green-thread library's `select()` or
# a framework's `handler.select([sock], [], [], timeout)`. It reports the socket readable as
# select.select does, and the read after it returns at once.
import socket

from gevent import select as green


class Connection:
    def __init__(self, handler, sock: socket.socket) -> None:
        self.handler = handler
        self._socket = sock
        self._socket.setblocking(False)

    def read(self, length: int, timeout: float) -> bytes:
        ready = self.handler.select([self._socket], [], [], timeout)[0]
        if not ready:
            raise TimeoutError("socket time-out during read")
        return self._socket.recv(length)


def fetch(sock: socket.socket) -> bytes:
    sock.setblocking(False)
    readable, _, _ = green.select([sock], [], [], 5.0)
    if sock in readable:
        return sock.recv(4096)
    return b""
