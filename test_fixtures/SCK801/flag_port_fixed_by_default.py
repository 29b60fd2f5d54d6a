# SCK801 flag: look-alikes of a port 0 default that bind a fixed port: a fixed default, a
# parameter the function changes, an option with a fixed default, and an attribute some
# method sets from elsewhere.
import argparse
import socket


def listen(port: int = 8000) -> socket.socket:
    server = socket.socket()
    server.bind(("", port))  # expect: SCK801
    server.listen()
    return server


def listen_next(port: int = 0) -> socket.socket:
    port = port or 8000
    server = socket.socket()
    server.bind(("", port))  # expect: SCK801
    server.listen()
    return server


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=9000)
    args = parser.parse_args()
    server = socket.socket()
    server.bind(("", args.port))  # expect: SCK801
    server.listen()
    while True:
        try:
            conn, _ = server.accept()
        except ConnectionAbortedError:
            continue
        conn.close()


class Listener:
    def __init__(self, port: int = 0) -> None:
        self.port = port
        self.sock = socket.socket()

    def configure(self, config) -> None:
        self.port = config.port

    def start(self) -> None:
        self.sock.bind(("", self.port))  # expect: SCK801
        self.sock.listen()
