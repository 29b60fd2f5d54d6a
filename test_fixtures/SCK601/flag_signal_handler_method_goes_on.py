# SCK601 flag: the signal handler is a method of the class that returns (it only sets a flag),
# so a blocking send() a signal cuts short returns the short count and the program goes on.
import signal
import socket


class Server:
    def __init__(self, port: int) -> None:
        self.server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.port = port
        self.reload = False

    def on_hangup(self, sig, frame) -> None:
        self.reload = True

    def run(self) -> None:
        signal.signal(signal.SIGHUP, self.on_hangup)
        self.server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server_socket.bind(("", self.port))
        self.server_socket.listen(5)
        client, _ = self.server_socket.accept()
        try:
            client.send(self.page())  # expect: SCK601
        finally:
            client.close()

    def page(self) -> bytes:
        return b"HTTP/1.0 200 OK\r\n\r\n" + b"x" * 100000
