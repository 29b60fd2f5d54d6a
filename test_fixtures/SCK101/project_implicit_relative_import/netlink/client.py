# SCK101 ok: ``from errors import Gone`` is Python 2's implicit relative import of the
# sibling netlink/errors.py; Python 3 finds no top-level ``errors`` module, so this module,
# imported by the package's __init__, cannot be imported, and its loop never runs.
import socket

from errors import Gone


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def pump(self) -> bytes:
        buf = b""
        while len(buf) < 64:
            buf += self.sock.recv(64)
        if not buf:
            raise Gone()
        return buf
