# SCK601 project: one byte is sent whole or not at all, whatever names it: an Enum member's
# value or a class constant of another module (gecko/enums/codes.py) is sized like a
# literal. Longer values, or names bound more than once, are reported as usual.
import socket
import struct

from .enums.codes import Codes, Commands


class Gecko:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.sock.setblocking(False)
        self.busy = False

    def poke(self, address: int, value: int) -> None:
        try:
            self.sock.send(Commands.POKE.value)
            self.sock.send(struct.pack(">II", address, value))  # expect: SCK601
        except BlockingIOError:
            self.busy = True

    def ping(self) -> None:
        try:
            self.sock.send(Codes.PING)
        except BlockingIOError:
            self.busy = True

    def reset(self) -> None:
        try:
            self.sock.send(Commands.RESET.value)  # expect: SCK601
            self.sock.send(Codes.BANNER)  # expect: SCK601
        except BlockingIOError:
            self.busy = True
