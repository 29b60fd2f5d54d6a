# SCK701 ok: the peer is `host or "localhost"` with `host=None`: this host unless a caller
# says otherwise, and a local peer cannot vanish half-open.
import os
import socket

SOCKET_SERVER = os.getenv("SOCKET_SERVER", "localhost")


class Client:
    def __init__(self, host=None, port=7000):
        self.host = host or "localhost"
        self.port = port

    def ask(self, question):
        sock = socket.socket()
        sock.connect((self.host, self.port))
        sock.sendall(question)
        reply = sock.recv(4096)
        sock.close()
        return reply


class EnvClient:
    """``server or os.getenv("SERVER", "localhost")`` with ``server=None``: the lookup's
    default decides unless a caller or the environment says otherwise."""

    def __init__(self, server=None, port=1984):
        self.host = server or os.getenv("WDB_SOCKET_SERVER", "localhost")
        self.port = port

    def ask(self, question):
        sock = socket.socket()
        sock.connect((self.host, self.port))
        sock.sendall(question)
        reply = sock.recv(4096)
        sock.close()
        return reply


class ConstantClient:
    """``server or SOCKET_SERVER``, a module constant holding a lookup with a loopback
    default."""

    def __init__(self, server=None, port=1984):
        self.host = server or SOCKET_SERVER
        self.port = port

    def ask(self, question):
        sock = socket.socket()
        sock.connect((self.host, self.port))
        sock.sendall(question)
        reply = sock.recv(4096)
        sock.close()
        return reply
