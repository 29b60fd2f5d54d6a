# SCK601 flag: a socket declared in a string annotation, with a union or Optional, is a socket;
# the class puts both sockets in timeout mode in another method.
import socket
from typing import Optional


class Link:
    def __init__(self) -> None:
        self.sock: "socket.socket | None" = None
        self.conn: "Optional[socket.socket]" = None

    def attach(self, sock: socket.socket, conn: socket.socket) -> None:
        sock.settimeout(10)
        self.sock = sock
        self.conn = conn
        self.conn.settimeout(10)

    def push(self, data: bytes) -> None:
        self.sock.send(data)  # expect: SCK601
        self.conn.send(data)  # expect: SCK601
