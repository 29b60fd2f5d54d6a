# The socket on self is configured where the index does not follow it: through a local copy,
# by a function that receives the whole object, or by code reaching in through another
# object. The class is then not judged on the index's answer alone, and the module sets
# timeouts, so it is trusted.
import socket


class Copied:
    def __init__(self, host, port):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect((host, port))
        self._setup()

    def _setup(self):
        sock = self.sock
        sock.settimeout(5)

    def read(self):
        return self.sock.recv(4096)


class Handed:
    def __init__(self, host, port):
        self.link = socket.create_connection((host, port))
        configure(self)

    def read(self):
        return self.link.recv(4096)


class Reached:
    def __init__(self, host, port):
        self.channel = socket.create_connection((host, port))

    def read(self):
        return self.channel.recv(4096)


def configure(obj):
    obj.link.settimeout(3)


def open_reached(host, port):
    client = Reached(host, port)
    client.channel.settimeout(3)
    return client
