# Every socket gets a timeout: through a base class's helper, a base class's method, a helper
# of another module, or the factory it comes from.
import socket

from conns import net
from conns.base import Configurable, Timed


class HelperClient(Configurable):
    def __init__(self, host, port):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect((host, port))
        self._configure(self.sock)

    def read(self):
        return self.sock.recv(4096)


class InheritedClient(Timed):
    def __init__(self, host, port):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect((host, port))

    def read(self):
        return self.sock.recv(4096)


class StoredClient:
    def __init__(self, host, port):
        self.conn = socket.create_connection((host, port))
        net.set_timeouts(self.conn)

    def read(self):
        return self.conn.recv(4096)


def fetch(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    net.set_timeouts(sock)
    return sock.recv(1024)


def fetch_kept(host, port):
    sock = socket.create_connection((host, port))
    net.set_timeouts(sock, seconds=3.0)
    return sock.recv(1024)


def fetch_from_factory(host, port):
    sock = net.make_socket()
    sock.connect((host, port))
    return sock.recv(1024)


class LateConnectTimed:
    # Made in __init__, connected by another method, given a timeout by a third.
    def __init__(self, host, port):
        self.address = (host, port)
        self.irc = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def connect(self):
        self.irc.connect(self.address)
        self._tune()

    def _tune(self):
        self.irc.settimeout(30)

    def pull(self):
        return self.irc.recv(2048)


class LateConnectLocal:
    # A Unix-domain socket made in __init__: its peer cannot vanish half-open.
    def __init__(self, path):
        self.path = path
        self.ctl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)

    def connect(self):
        self.ctl.connect(self.path)

    def pull(self):
        return self.ctl.recv(2048)
