# The settings object a server is given: it also makes the server's socket, with the option.
import socket


class SocketConfig:
    def __init__(self, host: str, port: int, reuse_address: bool = True) -> None:
        self.host = host
        self.port = port
        self.reuse_address = reuse_address

    def create_socket(self) -> socket.socket:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        if self.reuse_address:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        return sock

    def create_plain_socket(self) -> socket.socket:
        return socket.socket(socket.AF_INET, socket.SOCK_STREAM)
