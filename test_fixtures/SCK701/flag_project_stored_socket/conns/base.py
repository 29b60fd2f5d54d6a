# A project base class: it configures a socket of its own, not the subclass's ``self.sock``.
import socket


class Endpoint:
    def __init__(self):
        self.control = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)

    def _configure(self, sock):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 16)
