# The option is named through attributes the class body binds once (and nothing rebinds):
# SO_REUSEADDR is set before the bind.
import socket


class Server:
    socket_level = socket.SOL_SOCKET
    socket_opt_name = socket.SO_REUSEADDR

    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.listen_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)

    def start(self):
        self.listen_socket.setsockopt(self.socket_level, self.socket_opt_name, 1)
        self.listen_socket.bind((self.host, self.port))
        self.listen_socket.listen()
