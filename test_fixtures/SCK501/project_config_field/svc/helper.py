# SCK501 across a bind helper: the host a helper binds is the argument its callers pass; a
# configuration field with a loopback default (a dataclass of another module) is loopback
# unless the configuration says otherwise, and so is the listener the helper returns. A
# remote default passed to the same kind of helper is reported.
import socket

from .config import ProxyConfig, PublicConfig


class Emulator:
    def __init__(self, config: ProxyConfig) -> None:
        self.config = config
        self.listener = self._bind_server(self.config.host, self.config.port)

    @staticmethod
    def _bind_server(host: str, port: int) -> socket.socket:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, port))
        server.listen()
        return server

    def serve(self) -> None:
        while True:
            conn, _ = self.listener.accept()
            conn.close()


class PublicEmulator:
    def __init__(self, config: PublicConfig) -> None:
        self.config = config
        self.listener = self._bind_listener(self.config.host, self.config.port)

    @staticmethod
    def _bind_listener(host: str, port: int) -> socket.socket:
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, port))
        server.listen()
        return server

    def serve(self) -> None:
        while True:
            conn, _ = self.listener.accept()  # expect: SCK501
            conn.close()
