# SCK601 lookalike: an attribute declared (in a string annotation) as the project's own wrapper,
# whose send() loops until everything is written, is not a socket, even where the code narrows
# it with typing.cast.
import socket
from typing import cast

# Every socket made here is in timeout mode: only their not being sockets keeps these
# send() calls quiet.
socket.setdefaulttimeout(30)


class AssociationSocket:
    def __init__(self, sock: socket.socket) -> None:
        self.raw = sock

    def send(self, data: bytes) -> None:
        sent = 0
        while sent < len(data):
            sent += self.raw.send(data[sent:])


class Provider:
    def __init__(self) -> None:
        self.socket: "AssociationSocket | None" = None

    def abort(self, pdu: bytes) -> None:
        self.socket = cast("AssociationSocket", self.socket)
        self.socket.send(pdu.encode())

    def release(self, pdu: bytes) -> None:
        sock = cast(AssociationSocket, self.socket)
        sock.send(pdu.encode())
