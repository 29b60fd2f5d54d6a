# SCK501 flag: a lookup with no default, or a default of every interface, and str() of a
# parameter with no default: the listener may be reachable from other hosts.
import os
import socket


class Room:
    def __init__(self, **kwargs) -> None:
        self.service_host = kwargs.get("service_host", "0.0.0.0")
        self.service = socket.socket()
        self.service.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.service.bind((self.service_host, 7000))
        self.service.listen()

    def run(self) -> None:
        while True:
            client, _ = self.service.accept()  # expect: SCK501
            client.close()


class Single:
    def __init__(self, address: str, port: int = 1337) -> None:
        self.address = str(address)
        self.port = port

    def serve(self) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.address, self.port))
        sock.listen()
        while True:
            conn, _ = sock.accept()  # expect: SCK501
            conn.close()


def env_server() -> None:
    host = os.environ.get("CONTROL_HOST")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 8000))
    sock.listen()
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        conn.close()
