# SCK501 ok: every assignment of `self.host` in the class gives it a loopback address (a
# literal in __init__, a module constant in reset()): the proxy listens on this host unless
# a user of the object sets another host on purpose.
import socket

LOCALHOST = "127.0.0.1"


class Proxy:
    def __init__(self):
        self.host = "localhost"
        self.port = 8080
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def reset(self):
        self.host = LOCALHOST

    def bind(self):
        self.socket.bind((self.host, self.port))
        self.socket.listen(10)

    def up(self):
        self.bind()
        while True:
            conn, _ = self.socket.accept()
            conn.close()
