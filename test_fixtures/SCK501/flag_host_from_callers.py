# SCK501 flag: a host parameter with no default that one call passes every interface, that
# no call in the module passes (its callers are out of sight), or that is handed on as a
# callback argument. A constructor whose class is also a base of another class (that
# subclass's callers are out of sight), or one call of which passes every interface.
import socket
import threading


def _serve(address: str, port: int) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((address, port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()


def start_local() -> None:
    _serve("127.0.0.1", 10)


def start_public() -> None:
    _serve("0.0.0.0", 11)


def serve_given(host: str, port: int) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()


def _serve_threaded(host: str, port: int) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()


def start_threads() -> None:
    _serve_threaded("127.0.0.1", 12)
    threading.Thread(target=_serve_threaded, args=("0.0.0.0", 13)).start()


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
            conn, _ = srv.accept()  # expect: SCK501
            conn.close()


class PublicServer(Server):
    pass


class Relay:
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def serve(self):
        srv = socket.socket()
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind((self.host, self.port))
        srv.listen()
        while True:
            conn, _ = srv.accept()  # expect: SCK501
            conn.close()


def start_servers() -> None:
    Server("127.0.0.1", 8000).serve()
    Relay("127.0.0.1", 8001).serve()
    Relay("0.0.0.0", 8002).serve()


def _serve_loop(srv, stop):
    while not stop.is_set():
        conn, _ = srv.accept()  # expect: SCK501
        conn.close()


def start_local(stop):
    """One caller binds its listener to loopback, another to every interface."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    threading.Thread(target=_serve_loop, args=(srv, stop), daemon=True).start()


def start_public(stop):
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("", 8000))
    srv.listen()
    _serve_loop(srv, stop)


def _serve_given(srv, stop):
    while not stop.is_set():
        conn, _ = srv.accept()  # expect: SCK501
        conn.close()


def start_given(srv, stop):
    """The caller's listener is its own parameter: its binds are out of sight."""
    _serve_given(srv, stop)


class PublicThread:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port

    def run(self) -> None:
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        srv.bind((self.host, self.port))
        srv.listen()
        while True:
            conn, _ = srv.accept()  # expect: SCK501
            conn.close()


class PublicExecutor:
    """Stores a host whose default is every interface."""

    def __init__(self, host: str = "0.0.0.0", port: int = 7777) -> None:
        self.host = host
        self.port = port

    def start(self) -> None:
        PublicThread(self.host, self.port).run()


def _serve_submitted(host: str, port: int) -> None:
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((host, port))
    server.listen()
    while True:
        conn, _ = server.accept()  # expect: SCK501
        conn.close()


def run_submitted(pool) -> None:
    # one run by an executor passes every interface
    pool.submit(_serve_submitted, "127.0.0.1", 8001)
    pool.submit(_serve_submitted, host="0.0.0.0", port=8002)
