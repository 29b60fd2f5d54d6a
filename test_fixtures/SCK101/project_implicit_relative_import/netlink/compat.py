# SCK101 flag: the bare import is a fallback after the relative one, so the module imports
# on Python 3 and its loop runs.
import socket

try:
    from .errors import Gone
except ImportError:
    from errors import Gone


class CompatClient:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def pump(self) -> bytes:
        buf = b""
        while len(buf) < 64:
            buf += self.sock.recv(64)  # expect: SCK101
        if not buf:
            raise Gone()
        return buf
