# SCK501 flag: `host or ""` listens on every interface by default, and `host or "localhost"`
# with a default that is itself a remote name takes that name: both reach other hosts.
import os
import socket


def serve(host=None, port=0):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host or "", port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        conn.close()


class Server:
    def __init__(self, host="0.0.0.0", port=0):
        self.host = host or "localhost"
        self.port = port

    def serve(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.host, self.port))
        listener.listen(5)
        while True:
            conn, _ = listener.accept()  # expect: SCK501
            conn.close()


def serve_env(host=None, port=0):
    # the lookup's default is every interface
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host or os.environ.get("HOST", "0.0.0.0"), port))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        conn.close()
