# SCK702 flag: the read timeout comes from an option that may not be set (a mapping's get()
# with no default): by default the socket has none, and keepalive's two hours are all there is.
import socket


class Connection:
    def __init__(self, options: dict) -> None:
        self.options = options

    def create_socket(self, family: int) -> socket.socket:
        raw_socket = socket.socket(family, socket.SOCK_STREAM)
        raw_socket.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        connection_timeout = self.options.get("connection_timeout")
        if connection_timeout is not None:
            raw_socket.settimeout(connection_timeout)
        return raw_socket

    def create_plain(self, family: int) -> socket.socket:
        raw_socket = socket.socket(family, socket.SOCK_STREAM)
        raw_socket.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        raw_socket.settimeout(self.options.get("connection_timeout"))
        return raw_socket
