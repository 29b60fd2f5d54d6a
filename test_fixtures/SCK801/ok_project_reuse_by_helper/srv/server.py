# Every listener gets SO_REUSEADDR (or SO_REUSEPORT) from a project helper before bind().
import socket

from srv import net
from srv.net import make_listener, set_reuse_address


def _reuse(sock):
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


class Server:
    def __init__(self, address, port):
        self.address = address
        self.port = port
        self.server_socket = None

    def start(self):
        self.server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        set_reuse_address(self.server_socket)
        self.server_socket.bind((self.address, self.port))
        self.server_socket.listen(5)

    def start_other(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._configure(sock)
        sock.bind((self.address, self.port + 1))
        sock.listen(5)
        return sock

    def _configure(self, sock):
        net.prepare_listener(sock)


def serve(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    _reuse(sock)
    sock.bind(("", port))
    sock.listen()
    return sock


def serve_shared(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    net.set_exclusive_or_reuse(sock)
    sock.bind(("", port))
    sock.listen()
    return sock


def serve_from_factory(port):
    sock = make_listener()
    sock.bind(("", port))
    sock.listen()
    return sock


def serve_given(sock, port):
    # A parameter: the helper call right before bind() is in sight.
    net.set_reuse_address(sock)
    sock.bind(("", port))
    sock.listen()


class ConfiguredServer:
    """The socket comes from a method of the object an attribute holds (its class known from
    the parameter's annotation), and that method sets the option on the socket it returns."""

    def __init__(self, config: "SocketConfig") -> None:
        self._config = config

    def run(self) -> None:
        self.sock: socket.socket = self._config.create_socket()
        self.sock.bind((self._config.host, self._config.port))
        self.sock.listen()

    def run_local(self) -> socket.socket:
        sock = self._config.create_socket()
        sock.bind((self._config.host, self._config.port))
        sock.listen()
        return sock


from srv.config import SocketConfig  # noqa: E402
