# Each socket is stored on self, connected in __init__ and read by another method.
import socket

from conns.base import Endpoint


class Client:
    def __init__(self, host, port):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect((host, port))  # expect: SCK701

    def read(self):
        return self.sock.recv(4096)


class Tuned(Endpoint):
    def __init__(self, host, port):
        super().__init__()
        self.conn = socket.create_connection((host, port))  # expect: SCK701
        self._configure(self.conn)  # buffer sizes only: no timeout

    def read(self):
        return self.conn.recv(4096)


def probe(host, port):
    # A timeout on this socket only.
    sock = socket.create_connection((host, port), timeout=5)
    sock.settimeout(2)
    return sock.recv(16)


class LateConnect:
    # Made in __init__, connected by another method, read by a third.
    def __init__(self, host, port):
        self.address = (host, port)
        self.irc = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def connect(self):
        self.irc.connect(self.address)  # expect: SCK701

    def pull(self):
        while True:
            data = self.irc.recv(2048)
            if not data:
                return


class Reopened:
    # Made and connected in __init__ (reported there); connecting it again in open() is the
    # same missing timeout, reported once.
    def __init__(self, host, port):
        self.address = (host, port)
        self.link = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.link.connect(self.address)  # expect: SCK701

    def open(self):
        self.link.connect(self.address)

    def pump(self):
        while True:
            data = self.link.recv(1024)
            if not data:
                return
