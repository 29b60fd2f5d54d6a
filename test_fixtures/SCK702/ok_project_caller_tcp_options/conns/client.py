# The caller's TCP options are applied right before keepalive is turned on.
import socket

from conns.opts import apply_tcp_options


def connect(host, port, keepalive_options):
    sock = socket.create_connection((host, port), timeout=None)
    apply_tcp_options(sock, keepalive_options)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return sock


class Connection:
    def __init__(self, host, port, keepalive_options):
        self.host = host
        self.port = port
        self.keepalive_options = keepalive_options

    def connect(self):
        self._sock = socket.create_connection((self.host, self.port), timeout=None)
        self._apply(self._sock)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)

    def _apply(self, sock):
        apply_tcp_options(sock, self.keepalive_options)
