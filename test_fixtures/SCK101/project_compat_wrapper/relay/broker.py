"""SCK101 project fixture: a read handed back unchanged by a compatibility helper (or by
bytes()) and indexed at once raises IndexError at end of file, which leaves the loop; a
helper that may hand back something else is no decoder of the read."""
import socket

from relay.compat import b, padded


class Session:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.running = True

    def loop(self) -> None:
        while self.running:
            head = b(self.conn.recv(1))
            kind = head[0] >> 4
            length = b(self.conn.recv(1))[0]
            self.handle(kind, length)

    def loop_bytes(self) -> None:
        while self.running:
            kind = bytes(self.conn.recv(1))[0]
            self.handle(kind, 0)

    def loop_padded(self) -> None:
        while self.running:
            kind = padded(self.conn.recv(1))[0]  # expect: SCK101
            self.handle(kind, 0)

    def handle(self, kind: int, length: int) -> None:
        print(kind, length)
