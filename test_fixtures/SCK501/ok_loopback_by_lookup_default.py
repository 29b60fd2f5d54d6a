# SCK501 ok: listeners whose host is a lookup with a loopback default (keyword arguments, the
# environment, a configparser fallback) or str() of a loopback parameter default: loopback
# unless told otherwise. The host may be stored by a base class of the module, and the
# listener used through a local name bound to its attribute (``with self._sock as sock``).
import os
import socket


class Room:
    def __init__(self, **kwargs) -> None:
        self.service_host = kwargs.get("service_host", "127.0.0.1")
        self.port = kwargs.get("port", 7000)
        self.service = socket.socket()
        self.service.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.service.bind((self.service_host, self.port))
        self.service.listen()

    def run(self) -> None:
        while True:
            client, _ = self.service.accept()
            client.close()


class Single:
    def __init__(self, address: str = "127.0.0.1", port: int = 1337) -> None:
        self.address = str(address)
        self.port = port

    def serve(self) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.address, self.port))
        sock.listen()
        while True:
            conn, _ = sock.accept()
            conn.close()


def config_server(cfg) -> None:
    # a configparser lookup with a loopback fallback
    host = cfg.get("control", "host", fallback="127.0.0.1")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 8000))
    sock.listen()
    while True:
        conn, _ = sock.accept()
        conn.close()


def env_server() -> None:
    host = os.environ.get("CONTROL_HOST", "localhost")
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 8000))
    sock.listen()
    while True:
        conn, _ = sock.accept()
        conn.close()


class Base:
    def __init__(self, **kwargs) -> None:
        self.service_host = kwargs.get("service_host", "127.0.0.1")
        self.service_port = kwargs.get("service_port", 7000)


class Service(Base):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.service = socket.socket()
        self.service.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)

    def run(self) -> None:
        self.service.bind((self.service_host, self.service_port))
        self.service.listen()
        while True:
            client, _ = self.service.accept()
            client.close()


class Singleton:
    def __init__(self, address: str = "127.0.0.1", port: int = 1337) -> None:
        self.address = str(address)
        self.port = port
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((self.address, self.port))

    def serve(self) -> None:
        with self._sock as sock:
            sock.listen()
            while True:
                conn, _ = sock.accept()
                conn.close()


# a module constant holding the lookup, and an address constant built from it
BEAUTIFIER_HOST = os.getenv("BEAUTIFIER_HOST", "127.0.0.1")
BEAUTIFIER_PORT = int(os.getenv("BEAUTIFIER_PORT", "36805"))
BEAUTIFIER_ADDRESS = (BEAUTIFIER_HOST, BEAUTIFIER_PORT)


def beautifier_server() -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(BEAUTIFIER_ADDRESS)
    server.listen()
    while True:
        client, _ = server.accept()
        client.close()


def control_server() -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((BEAUTIFIER_HOST, 9000))
    server.listen()
    while True:
        client, _ = server.accept()
        client.close()
