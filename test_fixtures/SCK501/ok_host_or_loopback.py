# SCK501 ok: the host is `host or "127.0.0.1"` with `host=None` by default: the server
# listens on this host unless a caller says otherwise, in place or through the attribute.
import os
import socket


class Server:
    def __init__(self, host=None, port=0):
        self.host = host or "127.0.0.1"
        self.port = port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def serve(self):
        self.listener.bind((self.host, self.port))
        self.listener.listen(5)
        while True:
            conn, _ = self.listener.accept()
            conn.close()


def serve(host=None, port=0):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host or "localhost", port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()
        conn.close()


class Forwarder:
    """The default on the right of `or` may be a constant of the class (`self.DEFAULT_HOST`,
    `Forwarder.DEFAULT_HOST`) bound to a loopback literal."""

    DEFAULT_HOST = "127.0.0.1"

    def __init__(self, host=None, port=0):
        self.host = host or self.DEFAULT_HOST
        self.other_host = host or Forwarder.DEFAULT_HOST
        self.port = port
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.other = socket.socket()
        self.other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def serve(self):
        self.listener.bind((self.host, self.port))
        self.listener.listen(5)
        while True:
            conn, _ = self.listener.accept()
            conn.close()

    def serve_other(self):
        self.other.bind((self.other_host, self.port))
        self.other.listen(5)
        while True:
            conn, _ = self.other.accept()
            conn.close()


def serve_env(host=None, port=0):
    # unless a caller or the environment says otherwise, the lookup's default: loopback
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host or os.environ.get("HOST", "127.0.0.1"), port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()
        conn.close()
