# A socket in timeout mode: a command line composed by the message's own method is taken
# whole; bytes a caller handed in are not bounded.
import socket

from cube.message import Blob, Message


class Connection:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=2.0)

    def send(self, msg: Message) -> None:
        self.sock.send(msg.encode())

    def send_list(self) -> None:
        request = Message("l")
        self.sock.send(request.encode())

    def send_blob(self, blob: Blob) -> None:
        self.sock.send(blob.encode())  # expect: SCK601
