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


def config_server(cfg) -> None:
    # the configparser fallback is every interface
    host = cfg.get("control", "host", fallback="0.0.0.0")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 8000))
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


class Base:
    def __init__(self, **kwargs) -> None:
        self.service_host = kwargs.get("service_host", "")


class Service(Base):
    """The base class stores a host that defaults to every interface."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.service = socket.socket()
        self.service.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def run(self) -> None:
        self.service.bind((self.service_host, 7000))
        self.service.listen()
        while True:
            client, _ = self.service.accept()  # expect: SCK501
            client.close()


class Aliased:
    """``with self._sock as sock``: the attribute's bind is the listener's, and it is not
    loopback; a second method rebinding the alias's name elsewhere does not matter."""

    def __init__(self, address: str = "0.0.0.0", port: int = 1337) -> None:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((str(address), port))

    def serve(self) -> None:
        with self._sock as sock:
            sock.listen()
            while True:
                conn, _ = sock.accept()  # expect: SCK501
                conn.close()

    def serve_other(self, other: socket.socket) -> None:
        sock = self._sock if other is None else other
        sock.listen()
        while True:
            conn, _ = sock.accept()  # expect: SCK501
            conn.close()


# module constants: a lookup defaulting to every interface, and a loopback lookup that a
# function rebinds through ``global``
PUBLIC_HOST = os.getenv("PUBLIC_HOST", "0.0.0.0")
PUBLIC_ADDRESS = (PUBLIC_HOST, 36805)
CONTROL_HOST = os.getenv("CONTROL_HOST", "127.0.0.1")


def configure(host: str) -> None:
    global CONTROL_HOST
    CONTROL_HOST = host


def public_server() -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(PUBLIC_ADDRESS)
    server.listen()
    while True:
        client, _ = server.accept()  # expect: SCK501
        client.close()


def control_server() -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((CONTROL_HOST, 9000))
    server.listen()
    while True:
        client, _ = server.accept()  # expect: SCK501
        client.close()
