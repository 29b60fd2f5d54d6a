# SCK801 fix (unsafe): SO_REUSEADDR is set right before bind, with the module's name for socket.
import socket as so


def listen(port: int) -> so.socket:
    server = so.socket(so.AF_INET, so.SOCK_STREAM)
    # bind to all interfaces
    server.bind(("", port))  # expect: SCK801
    server.listen(128)
    return server


class Server:
    def __init__(self, port: int) -> None:
        self.sock = so.socket()
        self.sock.bind(("0.0.0.0", port))  # expect: SCK801
        self.sock.listen()
