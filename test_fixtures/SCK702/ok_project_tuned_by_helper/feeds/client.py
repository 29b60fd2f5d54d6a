# Keepalive timers or a read timeout on every socket that turns keepalive on.
import socket

from feeds import net

DEFAULT_TIMEOUT = 30.0


def open_feed(host, port):
    sock = socket.create_connection((host, port), timeout=None)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    net.keepalive(sock)
    return sock


def open_timed(host, port):
    sock = socket.create_connection((host, port), timeout=None)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    net.read_timeout(sock)
    return sock


class Feed:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=None)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        self._tune_keepalive(self.sock)

    def _tune_keepalive(self, sock):
        net.keepalive(sock, idle=30)


def connect(host, port, timeout=None):
    # The one caller in this module passes a timeout.
    sock = socket.create_connection((host, port), timeout=None)
    sock.settimeout(timeout)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return sock


def connect_with_default(host, port, timeout=DEFAULT_TIMEOUT):
    sock = socket.create_connection((host, port), timeout=None)
    sock.settimeout(timeout)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return sock


def connect_tested(host, port, timeout=None):
    if timeout is None:
        timeout = DEFAULT_TIMEOUT
    sock = socket.create_connection((host, port), timeout=None)
    sock.settimeout(timeout)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    return sock


def main():
    return connect("example.org", 7000, timeout=10.0)
