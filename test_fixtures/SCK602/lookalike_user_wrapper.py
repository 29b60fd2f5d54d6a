# SCK602 lookalike: a user class whose connect_ex() records the error itself; calling it as a statement loses nothing.
import socket
from typing import Optional


class Endpoint:
    def __init__(self, addr, timeout: float = 2.0) -> None:
        self.addr = addr
        self.timeout = timeout
        self.last_error: Optional[int] = None
        self.sock: Optional[socket.socket] = None

    def connect_ex(self, retries: int = 1) -> int:
        for _ in range(retries):
            sock = socket.socket()
            sock.settimeout(self.timeout)
            self.last_error = sock.connect_ex(self.addr)
            if self.last_error == 0:
                self.sock = sock
                break
            sock.close()
        return self.last_error or 0


def warm_up(endpoints) -> list:
    for conn in endpoints:
        conn.connect_ex()
    return [conn for conn in endpoints if conn.last_error]


def warm_up_one(addr) -> Endpoint:
    conn = Endpoint(addr)
    conn.connect_ex(3)
    return conn
