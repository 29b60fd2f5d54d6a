# SCK302 ok: reconnect loops that create or rebind the socket inside the loop before each connect attempt.
import select
import socket
import time


class Reconnector:
    def __init__(self, addr) -> None:
        self.addr = addr
        self.sock = None

    def _make_socket(self) -> socket.socket:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.setblocking(False)
        return s

    def connect(self, attempts: int = 5) -> socket.socket:
        for attempt in range(attempts):
            self.sock = self._make_socket()
            try:
                self.sock.connect(self.addr)
            except BlockingIOError:
                pass
            select.select([], [self.sock], [], 5.0)
            if self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                return self.sock
            self.sock.close()
            time.sleep(min(2 ** attempt, 30))
        raise ConnectionError(f"could not reach {self.addr}")


def connect_blocking_retry(addr, retries: int = 10) -> socket.socket:
    while True:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(5.0)
        try:
            sock.connect(addr)
            return sock
        except ConnectionRefusedError:
            sock.close()
            retries -= 1
            if retries <= 0:
                raise
            time.sleep(1.0)
