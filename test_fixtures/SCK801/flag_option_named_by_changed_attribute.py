# An option attribute that a method assigns, or that a derived class binds again, may name
# another option by the time of the bind: reported.
import socket


class Server:
    socket_opt_name = socket.SO_REUSEADDR

    def __init__(self, host, port, option=None):
        self.host = host
        self.port = port
        if option is not None:
            self.socket_opt_name = option
        self.listen_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def start(self):
        self.listen_socket.setsockopt(socket.SOL_SOCKET, self.socket_opt_name, 1)
        self.listen_socket.bind((self.host, self.port))  # expect: SCK801
        self.listen_socket.listen()


class Base:
    socket_opt_name = socket.SO_REUSEADDR

    def __init__(self, host, port):
        self.address = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def start(self):
        self.sock.setsockopt(socket.SOL_SOCKET, self.socket_opt_name, 1)
        self.sock.bind(self.address)  # expect: SCK801
        self.sock.listen()


class Keepalive(Base):
    socket_opt_name = socket.SO_KEEPALIVE
