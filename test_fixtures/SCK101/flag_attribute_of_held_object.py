# SCK101 flag: the class assigns a socket to an attribute of an object it holds
# (`self.link.s = socket.create_connection(...)`); reading `self.link.s` in a loop with no
# end-of-file test spins once the peer closes, whatever the holder's class puts in `s`.
import socket
import threading


class _Link:
    def __init__(self) -> None:
        self.s = None
        self.lock = threading.Lock()


class Notifier(threading.Thread):
    def __init__(self, host: str, port: int) -> None:
        super().__init__()
        self.link = _Link()
        self.go = True
        self.link.s = socket.create_connection((host, port), timeout=30)

    def run(self) -> None:
        buf = b""
        while self.go:
            buf += self.link.s.recv(4096)  # expect: SCK101
            buf = buf[12 * (len(buf) // 12):]

    def read_exact(self, count: int) -> bytearray:
        data = bytearray(self.link.s.recv(count))
        while len(data) < count:
            data.extend(self.link.s.recv(count - len(data)))  # expect: SCK101
        return data
