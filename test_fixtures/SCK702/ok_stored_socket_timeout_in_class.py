# SCK702 ok: the socket a method builds and stores on self gets its read timeout in another
# method of the class; a Unix-domain socket has no TCP keepalive and no half-open peer.
import socket
import ssl

from .transport import BaseTransport


class Transport:
    def __init__(self, address, socket_timeout: float = 3.0) -> None:
        self.address = address
        self.socket_timeout = socket_timeout
        self.sock = None

    def _init_sock(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        self.sock = sock

    def open(self) -> None:
        self._init_sock()
        self.sock.connect(self.address)
        self.sock.settimeout(self.socket_timeout)


def open_local(path: str) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.connect(path)
    return sock


class TLSTransport(BaseTransport):
    """open() and its settimeout() are inherited from a class of another module."""

    def _init_sock(self) -> None:
        sock = ssl.create_default_context().wrap_socket(socket.socket())
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        self.sock = sock
