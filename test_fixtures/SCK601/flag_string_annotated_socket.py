# SCK601 flag: a socket declared in a string annotation, with a union or Optional, is a socket.
import socket
from typing import Optional


class Link:
    def __init__(self) -> None:
        self.sock: "socket.socket | None" = None
        self.conn: "Optional[socket.socket]" = None

    def push(self, data: bytes) -> None:
        self.sock.send(data)  # expect: SCK601
        self.conn.send(data)  # expect: SCK601
