"""A non-blocking drain that ends with setblocking(True) before the read that waits for the
reply: that read waits for ever on a vanished peer, whatever mode the drain used."""
import socket


class Feedback:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port

    def connect(self) -> None:
        self.client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.client.connect((self.host, self.port))  # expect: SCK701

    def get(self) -> bytes:
        self.client.setblocking(False)
        while True:
            try:
                data = self.client.recv(1440)
                if not data:
                    break
            except BlockingIOError:
                break
        self.client.setblocking(True)
        return self.client.recv(1440)
