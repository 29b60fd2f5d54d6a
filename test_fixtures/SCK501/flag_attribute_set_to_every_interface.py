# SCK501 flag: one assignment of `self.host` in the class listens on every interface, so
# remote clients reach the listener.
import socket


class Proxy:
    def __init__(self):
        self.host = "localhost"
        self.port = 8080
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def expose(self):
        self.host = "0.0.0.0"

    def up(self):
        self.socket.bind((self.host, self.port))
        self.socket.listen(10)
        while True:
            conn, _ = self.socket.accept()  # expect: SCK501
            conn.close()
