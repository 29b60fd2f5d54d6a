# SCK801 ok: the port is 0 (the kernel picks a free one), set by the same function on every
# path to bind() with nothing in between that can change it: a self attribute or a local
# name, or a whole address kept in one. A call of a module-level name handed no `self`
# (a log line) cannot change the attribute.
import logging
import socket

logger = logging.getLogger(__name__)


class RpcServer:
    def __init__(self, client=None):
        if client:
            self.client = client
        else:
            self.listen_port = 0
            self.listen_address = "127.0.0.1"
            self.calls = {}
            self.sock = socket.socket()
            self.sock.bind((self.listen_address, self.listen_port))

    def serve(self):
        self.sock.listen(5)


class Probe:
    def start(self):
        self.address = ("", 0)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(5)
        self.sock.bind(self.address)
        self.sock.listen()


def ephemeral_listener():
    port = 0
    listener = socket.socket()
    listener.bind(("127.0.0.1", port))
    listener.listen(1)
    return listener


class Logged:
    def start(self):
        self.address = ("127.0.0.1", 0)
        logger.info("listening on %s:%s", *self.address)
        self.sock = socket.socket()
        self.sock.bind(self.address)
        self.sock.listen()


class RecvTest:
    # a constant of the class body that no method and no class derived from it replaces
    HOST = "127.0.0.1"
    PORT = 0

    def setUp(self):
        self.server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server_socket.bind((self.HOST, self.PORT))
        self.server_socket.listen(1)
