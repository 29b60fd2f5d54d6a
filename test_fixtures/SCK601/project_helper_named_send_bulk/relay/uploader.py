"""SCK601 project fixture: a send helper named like the socket method it calls, and one of
its callers hands it a file's contents: not bounded, so its ``send()`` is reported."""
import socket


class Uploader:
    def __init__(self, host: str, port: int) -> None:
        self.conn = socket.create_connection((host, port), timeout=5.0)

    def send(self, data: bytes) -> None:
        self.conn.send(data)  # expect: SCK601

    def hello(self) -> None:
        self.send(b"HELLO\r\n")

    def upload(self, path: str) -> None:
        with open(path, "rb") as f:
            self.send(f.read())
