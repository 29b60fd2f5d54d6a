# SCK801 ok: the class sets SO_REUSEADDR on self.sock in __init__ and binds/listens in another method.
import socket


class Server:
    def __init__(self, address) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def activate(self, backlog: int = 128) -> None:
        self.sock.bind(self.address)
        self.sock.listen(backlog)
