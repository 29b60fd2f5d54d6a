import socket

from ircbot.dial import dial, dial_keyword, dial_maybe


class Session:
    def __init__(self, host: str, port: int, bindhost=None) -> None:
        self.host, self.port, self.bindhost = host, port, bindhost
        self._socket = None

    def _make_socket(self, host, port, bindhost, timeout):
        return socket.create_connection((host, port), timeout, bindhost)

    def connect(self) -> None:
        self._socket = self._make_socket(self.host, self.port, self.bindhost, 5.0)
        self._socket.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)


def open_feed(host: str, port: int) -> socket.socket:
    sock = dial(host, port, 10.0)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return sock


def open_feed_keyword(host: str, port: int) -> socket.socket:
    sock = dial_keyword(host, port)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return sock


def open_feed_untimed(host: str, port: int) -> socket.socket:
    sock = dial_maybe(host, port)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock
