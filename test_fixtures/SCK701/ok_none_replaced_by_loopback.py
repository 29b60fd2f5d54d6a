# SCK701 ok: a parameter whose default is None and that the function replaces, when it is
# None, by a loopback host (`if address is None: address = "localhost"`), by a lookup with a
# loopback default, or by a try whose KeyError handler falls back to one: the peer is this
# host unless the caller or the environment says otherwise.
import os
import socket


class Connection:
    def __init__(self, address=None, port=4711):
        if address is None:
            address = "localhost"
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.connect((address, port))

    def read(self):
        return self.socket.recv(1024)


def ask(question, host=None, port=4711):
    if not host:
        host = os.environ.get("GAME_HOST", "127.0.0.1")
    sock = socket.create_connection((host, port))
    sock.sendall(question)
    return sock.recv(4096)


class GameConnection:
    def __init__(self, address=None, port=None):
        if address == None:
            try:
                address = os.environ["MINECRAFT_API_HOST"]
            except KeyError:
                address = "localhost"
        if port == None:
            port = 4711
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.connect((address, port))
        self.reader = self.socket.makefile("r")

    def receive(self):
        return self.socket.recv(1500)
