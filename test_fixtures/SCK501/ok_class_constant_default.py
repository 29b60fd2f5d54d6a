# SCK501 ok: the host's default is a constant of a class of this module (a dataclass
# field), used as the parameter's default: the proxy listens on this host unless its
# caller says otherwise.
import socket
from dataclasses import dataclass


@dataclass
class Config:
    DEFAULT_LOCAL_HOST: str = "localhost"
    DEFAULT_PORT: int = 0


class Proxy:
    def __init__(self, local_host=Config.DEFAULT_LOCAL_HOST, port=Config.DEFAULT_PORT):
        self.local_host = local_host
        self.port = port

    def run(self):
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.local_host, self.port))
        listener.listen(5)
        while True:
            conn, _ = listener.accept()
            conn.close()
