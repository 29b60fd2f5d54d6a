# SCK201 lookalike: a user-defined in-memory transport with setblocking()/recv()/send()/accept() is not a socket.
import collections


class MemoryTransport:
    def __init__(self) -> None:
        self._blocking = True
        self.rx = collections.deque()
        self.tx = collections.deque()
        self.pending = collections.deque()

    def setblocking(self, flag: bool) -> None:
        self._blocking = flag

    def recv(self, bufsize: int) -> bytes:
        return self.rx.popleft()[:bufsize] if self.rx else b""

    def send(self, data: bytes) -> int:
        self.tx.append(bytes(data))
        return len(data)

    def accept(self):
        return self.pending.popleft() if self.pending else None


def test_roundtrip() -> None:
    conn = MemoryTransport()
    conn.setblocking(False)
    conn.rx.append(b"ping")
    assert conn.recv(1024) == b"ping"
    assert conn.send(b"pong") == 4
    assert conn.accept() is None
