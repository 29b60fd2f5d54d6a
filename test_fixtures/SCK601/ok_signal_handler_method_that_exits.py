# SCK601 ok: the signal handler is a method of the class, and every path through it ends the
# program: a send() a signal cuts short is never followed by anything that uses the count.
import signal
import socket
import sys


class Server:
    def __init__(self, port: int) -> None:
        self.server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.port = port

    def signal_handler(self, sig, frame) -> None:
        print("\nServer is shutting down...")
        self.server_socket.close()
        sys.exit(0)

    def run(self) -> None:
        signal.signal(signal.SIGINT, self.signal_handler)
        self.server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server_socket.bind(("", self.port))
        self.server_socket.listen(5)
        client, _ = self.server_socket.accept()
        try:
            client.send(self.page())
        finally:
            client.close()

    def page(self) -> bytes:
        return b"HTTP/1.0 200 OK\r\n\r\n" + b"x" * 100000
