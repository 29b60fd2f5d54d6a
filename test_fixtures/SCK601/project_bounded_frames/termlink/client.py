# SCK601 project: a socket in timeout mode sends frames from protocol.py. The bounded ones
# (at most 512 bytes: CPython waits for writability first, and a writable socket takes
# them whole) are not reported; frames carrying caller data are.
import socket

from termlink import protocol
from termlink.protocol import WILL, command, option_answer, option_reply


class Client:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=10)
        self.sock.send(protocol.MAGIC)

    def negotiate(self, option: int) -> None:
        self.sock.send(option_reply(option))
        self.sock.send(protocol.window_size(80, 24))
        self.sock.send(self._ack())

    def run(self, line: str) -> None:
        self.sock.send(command(line))  # a composed command line: taken whole
        self.sock.send(option_answer(WILL, 1))  # expect: SCK601
        self.sock.send(protocol.padded(len(line)))  # expect: SCK601
        self.sock.send(self._echo(line))  # expect: SCK601

    def status(self) -> None:
        self.sock.send(protocol.STATUS)  # built from literals: a fixed packet
        self.sock.send(protocol.HELLO)
        self.sock.send(protocol.HUGE)  # expect: SCK601

    def _ack(self) -> bytes:
        return b"\x06"

    def _echo(self, line: str) -> bytes:
        return line.encode()
