# SCK501 ok: listeners bound to a loopback address that the code names in other ways: a
# module constant bound by unpacking a tuple display, a command-line option whose default
# is loopback (what the program does unless told otherwise), and a listener made and bound
# as a local name before the method stores it on self.
import argparse
import socket

HOST, PORT = "127.0.0.1", 5555
DEFAULT_HOST = "127.0.0.1"


def serve_constants(handle) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((HOST, PORT))
    server.listen()
    while True:
        client, _ = server.accept()
        handle(client)


def main(handle) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default=DEFAULT_HOST, help="interface to listen on")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    host = args.host
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, args.port))
    server.listen()
    while True:
        conn, _ = server.accept()
        handle(conn)


class Proxy:
    def __init__(self, bind: str = "127.0.0.1", port: int = 0) -> None:
        self._bind = bind
        self._port = port
        self._srv = None

    def start(self) -> None:
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("127.0.0.1", self._port))
        srv.listen()
        self._srv = srv

    def serve(self, handle) -> None:
        while True:
            conn, _ = self._srv.accept()
            handle(conn)


class LocalBridge:
    """A listener made as an AF_UNIX socket where the platform has them, else bound to
    loopback: local either way."""

    def __init__(self, path: str, use_tcp: bool) -> None:
        self.path = path
        self.use_tcp = use_tcp
        self._server = None

    def start(self) -> None:
        if self.use_tcp:
            self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._server.bind(("127.0.0.1", 0))
        else:
            self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._server.bind(self.path)
        self._server.listen(5)

    def run(self, handle) -> None:
        while True:
            conn, _ = self._server.accept()
            handle(conn)
