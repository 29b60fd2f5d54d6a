# SCK501 flag: listeners that other hosts can reach, or whose address the code does not
# fix: every interface, a host handed in, one bind of two that is not loopback, a class
# constant a method replaces, a parameter with no loopback default or one the function
# changes, a constructor parameter stored beside another assignment, a listener on every
# interface handed to `loop.sock_accept()`.
import asyncio
import select
import socket


def serve_all(port: int, handle) -> None:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen()
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def serve_on(host: str, port: int, handle) -> None:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen()
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


class Server:
    def __init__(self, public: bool, port: int) -> None:
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if public:
            self.sock.bind(("0.0.0.0", port))
        else:
            self.sock.bind(("127.0.0.1", port))
        self.sock.listen()

    def run(self, handle) -> None:
        while True:
            conn, _ = self.sock.accept()  # expect: SCK501
            handle(conn)


def start_public(port: int, handle) -> None:
    """A thread's target reads a listener the function around it bound to every interface."""
    srv = socket.socket()
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind(("0.0.0.0", port))
    srv.listen()

    def accept_forever() -> None:
        while True:
            conn, _ = srv.accept()  # expect: SCK501
            handle(conn)

    import threading

    threading.Thread(target=accept_forever, daemon=True).start()


class Configurable:
    host = "127.0.0.1"

    def __init__(self, host: str) -> None:
        self.host = host  # the instance attribute hides the class constant

    def serve(self, handle) -> None:
        with socket.socket() as listener:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, 8888))
            listener.listen()
            while True:
                conn, _ = listener.accept()  # expect: SCK501
                handle(conn)


class Exposed:
    host = "0.0.0.0"

    def serve(self, handle) -> None:
        with socket.socket() as listener:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, 8888))
            listener.listen()
            while True:
                conn, _ = listener.accept()  # expect: SCK501
                handle(conn)


def start_server(handle, host="", port=1234) -> None:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen()
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


def start_lan(handle, host="127.0.0.1", lan=False) -> None:
    if lan:
        host = socket.gethostbyname(socket.gethostname())
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, 1234))
    listener.listen()
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)


class Relay:
    def __init__(self, listen_host="localhost") -> None:
        self.listen_host = listen_host

    def public(self) -> None:
        self.listen_host = "0.0.0.0"

    def run(self, handle) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((self.listen_host, 0))
        listener.listen()
        while True:
            conn, _ = listener.accept()  # expect: SCK501
            handle(conn)


async def serve_async(loop: asyncio.AbstractEventLoop, handle, port: int) -> None:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("0.0.0.0", port))
    listener.listen()
    listener.setblocking(False)
    while True:
        conn, _ = await loop.sock_accept(listener)  # expect: SCK501
        handle(conn)


class KeptAddress:
    """The address kept on the object is loopback until a method replaces its host."""

    def __init__(self) -> None:
        self.address = ["127.0.0.1", 8000]

    def expose(self) -> None:
        self.address[0] = "0.0.0.0"

    def run(self, handle) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(tuple(self.address))
        sock.listen()
        while True:
            conn, _ = sock.accept()  # expect: SCK501
            handle(conn)


def create_public_socket(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("0.0.0.0", port))
    sock.listen(1)
    return sock


def serve_from_factory(port: int, handle, reuse=None) -> None:
    # the helper binds every interface, or the listener may be the caller's own
    sock = create_public_socket(port)
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        handle(conn)
    other = reuse or create_local_socket(port + 1)
    while True:
        conn, _ = other.accept()  # expect: SCK501
        handle(conn)


def create_local_socket(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1)
    return sock


def serve_local_or_given(port: int, handle, given=None) -> None:
    # a loopback helper's socket on one path, the caller's on the other
    sock = create_local_socket(port)
    if given is not None:
        sock = given
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        handle(conn)


class PublicControlTool:
    """The ready socket tested to be the listener, which listens on every interface."""

    def _listen(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.setblocking(False)
        self.server.bind(("0.0.0.0", 30003))
        self.server.listen(1)

    def start(self) -> None:
        readers = [self.server]
        while readers:
            readable, _, _ = select.select(readers, [], [])
            for s in readable:
                if s is self.server:
                    connection, _addr = s.accept()  # expect: SCK501
                    connection.setblocking(False)
                    readers.append(connection)
                else:
                    data = s.recv(8192)
                    if not data:
                        readers.remove(s)
                        s.close()


def make_public_server(address: str) -> socket.socket:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if address.startswith("tcp:"):
        server.bind(("0.0.0.0", int(address[4:])))
    else:
        server.bind(("127.0.0.1", 0))
    server.listen(1)
    return server


def serve_public(server: socket.socket, handle) -> None:
    # the helper the caller's listener comes from binds every interface on one path
    while True:
        conn, _ = server.accept()  # expect: SCK501
        handle(conn)


def public_main(address: str, handle) -> None:
    server = make_public_server(address)
    serve_public(server, handle)


class PublicIPCServer:
    """The listener comes, with its port, from a helper that binds every interface."""

    def __init__(self) -> None:
        self.port, self.conn = self._get_connection()

    def _get_connection(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("", 0))
        return sock.getsockname()[1], sock

    def run(self, handle) -> None:
        self.conn.listen(5)
        while True:
            new_conn, _ = self.conn.accept()  # expect: SCK501
            handle(new_conn)
