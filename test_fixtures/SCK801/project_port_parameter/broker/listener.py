# A port parameter with no default is port 0 when every call the project makes passes 0 for
# it (here from broker/game.py); one call passing another port keeps the finding.
import socket


class Listener:
    def __init__(self, port: int, backlog: int = 0):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("localhost", port))
        self.socket.listen(backlog)

    def get_port(self) -> int:
        return self.socket.getsockname()[1]


class Lobby:
    def __init__(self, port: int):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.bind(("", port))  # expect: SCK801
        self.socket.listen()


def serve_on(port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))
    sock.listen()
    return sock


def start_local():
    return serve_on(0)
