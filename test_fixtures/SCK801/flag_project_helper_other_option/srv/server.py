# The helpers set other options, reach another socket, or come after bind().
import socket

from srv import net
from srv.config import SocketConfig


class Server:
    def __init__(self, port):
        self.port = port
        self.server_socket = None

    def start(self):
        self.server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        net.set_nodelay(self.server_socket)
        self.server_socket.bind(("", self.port))  # expect: SCK801
        self.server_socket.listen(5)

    def start_late(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.bind(("", self.port + 1))  # expect: SCK801
        net.set_reuse_address(self.listener)  # after bind(): too late
        self.listener.listen(5)


def serve(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    net.set_nodelay(sock)
    sock.bind(("", port))  # expect: SCK801
    sock.listen()
    return sock


def serve_other_socket(port, spare):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    net.tune_other(sock, spare)
    sock.bind(("", port))  # expect: SCK801
    sock.listen()
    return sock


def serve_never_passed(port):
    # The helper exists, but this socket is never passed to it.
    spare = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    net.set_reuse_address(spare)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("", port))  # expect: SCK801
    sock.listen()
    return sock


def serve_too_late(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("", port))  # expect: SCK801
    net.set_reuse_address(sock)
    sock.listen()
    return sock


class ConfiguredServer:
    """The object the attribute holds makes the socket without the option: the bind is
    still flagged."""

    def __init__(self, config: SocketConfig) -> None:
        self._config = config

    def run(self) -> None:
        self.sock = self._config.create_plain_socket()
        self.sock.bind((self._config.host, self._config.port))  # expect: SCK801
        self.sock.listen()
