# SCK101 flag: sockets known from annotations (a parameter and a dataclass attribute) in loops that never test for EOF.
import socket
import threading
from dataclasses import dataclass, field
from typing import List


def read_exact(sock: socket.socket, size: int) -> bytes:
    buf = bytearray()
    while len(buf) < size:
        buf.extend(sock.recv(size - len(buf)))  # expect: SCK101
    return bytes(buf)


@dataclass
class Peer:
    sock: socket.socket
    name: str
    inbox: List[bytes] = field(default_factory=list)

    def pump(self, stop: threading.Event) -> None:
        while not stop.is_set():
            msg = self.sock.recv(2048)  # expect: SCK101
            self.inbox.append(msg)
