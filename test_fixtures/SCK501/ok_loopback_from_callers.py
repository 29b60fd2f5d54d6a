# SCK501 ok: the host is a parameter with no default, and every call of the function in the
# module passes a value that is loopback unless the user says otherwise (a command-line
# option's default, also parsed by a helper that returns parse_args(), the caller's own
# parameter default, a loopback literal). A constructor's parameter counts the calls of the
# class's name.
import argparse
import socket


def run_tcp(host: str, port: int) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen()
    while True:
        conn, _ = server.accept()
        conn.close()


def _parse_args(argv):
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    return parser.parse_args(argv)


def main(argv=None) -> None:
    args = _parse_args(argv)
    run_tcp(args.host, 7000)


class Control:
    def start(self, host: str = "localhost") -> None:
        self._serve(host, 9)

    def start_local(self) -> None:
        self._serve("127.0.0.1", 10)

    def _serve(self, address: str, port: int) -> None:
        server = socket.socket()
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((address, port))
        server.listen()
        while True:
            conn, _ = server.accept()
            conn.close()


class Server:
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def serve(self):
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind((self.host, self.port))
        srv.listen()
        while True:
            conn, _ = srv.accept()
            conn.close()


def start_server() -> None:
    Server("127.0.0.1", 8000).serve()


def _serve_once_or_loop(srv, stop):
    """The listener is a parameter: every call (here a thread started on the function, and
    a plain call) passes a listener its caller binds to loopback."""
    while not stop.is_set():
        try:
            conn, _ = srv.accept()
        except (socket.timeout, TimeoutError):
            continue
        conn.close()


def start_test_server(stop):
    import threading

    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    threading.Thread(target=_serve_once_or_loop, args=(srv, stop), daemon=True).start()
    return srv.getsockname()


def serve_inline(stop):
    listener = socket.create_server(("localhost", 0))
    _serve_once_or_loop(listener, stop)


class ServerThread:
    """Its host comes from the one construction below, which passes the executor's own
    host: stored from a parameter whose default is loopback."""

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port

    def run(self) -> None:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind((self.host, self.port))
        srv.listen()
        while True:
            conn, _ = srv.accept()
            conn.close()


class Executor:
    def __init__(self, host: str = "localhost", port: int = 7777) -> None:
        self.host = host
        self.port = port

    def start(self) -> None:
        ServerThread(self.host, self.port).run()


def register(port: int) -> None:
    Executor(port=port).start()
