# SCK801 flag: a port attribute set to 0 somewhere is not followed where it may have changed
# before the bind: bound in another method (a setter may have set a real port), a call on
# self in between, an assignment in a branch, a loop that goes round past the bind, a call
# of a module function handed self, or of a function defined in the method (it may close
# over self).
import socket


class RpcServer:
    def __init__(self):
        self.listen_port = 0
        self.listen_address = "127.0.0.1"

    def set_listen_port(self, port):
        self.listen_port = port

    def start(self):
        self.sock = socket.socket()
        self.sock.bind((self.listen_address, self.listen_port))  # expect: SCK801
        self.sock.listen(5)


class Configured:
    def __init__(self, config):
        self.port = 0
        self.load(config)
        self.sock = socket.socket()
        self.sock.bind(("", self.port))  # expect: SCK801
        self.sock.listen(5)

    def load(self, config):
        self.port = config.port


def maybe_fixed(fixed):
    port = 8080
    if not fixed:
        port = 0
    listener = socket.socket()
    listener.bind(("", port))  # expect: SCK801
    listener.listen(1)
    return listener


def rebinding(ports, serve):
    port = 0
    while True:
        listener = socket.socket()
        listener.bind(("", port))  # expect: SCK801
        listener.listen(1)
        serve(listener)
        port = ports.pop()


class WithSetter:
    @property
    def host(self):
        return self._host

    @host.setter
    def host(self, value):
        self._host = value
        self.port = 80

    def start(self):
        self.port = 0
        self.host = "127.0.0.1"
        self.sock = socket.socket()
        self.sock.bind((self._host, self.port))  # expect: SCK801
        self.sock.listen(5)


def configure(server):
    server.port = 8080


class HandedOn:
    def start(self):
        self.port = 0
        configure(self)
        self.sock = socket.socket()
        self.sock.bind(("", self.port))  # expect: SCK801
        self.sock.listen(5)

    def restart(self, fixed):
        def pin():
            self.port = fixed

        self.port = 0
        pin()
        self.sock = socket.socket()
        self.sock.bind(("", self.port))  # expect: SCK801
        self.sock.listen(5)


class BaseService:
    # the class constant is 0, but a class derived from it replaces it, and a method of
    # another class sets its own
    PORT = 0

    def start(self):
        self.sock = socket.socket()
        self.sock.bind(("", self.PORT))  # expect: SCK801
        self.sock.listen(5)


class WebService(BaseService):
    PORT = 8080


class Replaced:
    PORT = 0

    def configure(self, port):
        self.PORT = port

    def start(self):
        self.sock = socket.socket()
        self.sock.bind(("", self.PORT))  # expect: SCK801
        self.sock.listen(5)
