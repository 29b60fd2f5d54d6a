# SCK501 flag: the look-alikes of the loopback shapes that can reach other hosts: an option
# whose default is every interface (or that has no default, or a second option of the
# same destination that is not loopback), an unpacked constant that is not loopback, an
# attribute of an object that is not the parser's result, and a local stored on self after
# a bind to every interface.
import argparse
import socket

HOST, PORT = "0.0.0.0", 5555


def serve_constants(handle) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((HOST, PORT))
    server.listen()
    while True:
        client, _ = server.accept()  # expect: SCK501
        handle(client)


def main(handle) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen", default="0.0.0.0")
    parser.add_argument("--bind-address", dest="where")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((args.listen, args.port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        handle(conn)


def serve_where(handle) -> None:
    parser = argparse.ArgumentParser()
    args = parser.parse_args()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((args.where, 8000))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        handle(conn)


def serve_settings(settings, handle) -> None:
    """``settings.host`` is not the parser's result, whatever options the module has."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((settings.host, 8000))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        handle(conn)


def run_with_host_option() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--public-host", dest="host", default="0.0.0.0")
    args = parser.parse_args()
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((args.host, 8000))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()


class Proxy:
    def start(self, port: int) -> None:
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind(("", port))
        srv.listen()
        self._srv = srv

    def serve(self, handle) -> None:
        while True:
            conn, _ = self._srv.accept()  # expect: SCK501
            handle(conn)


class Bridge:
    """AF_UNIX where the platform has it, else every interface: other hosts can reach the
    TCP branch."""

    def __init__(self, path: str, use_tcp: bool) -> None:
        self.path = path
        self.use_tcp = use_tcp
        self._server = None

    def start(self) -> None:
        if self.use_tcp:
            self._server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._server.bind(("0.0.0.0", 7000))
        else:
            self._server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            self._server.bind(self.path)
        self._server.listen(5)

    def run(self, handle) -> None:
        while True:
            conn, _ = self._server.accept()  # expect: SCK501
            handle(conn)
