# SCK302 flag: connect() retried in a loop on self.sock (made non-blocking in __init__) until EISCONN, not SO_ERROR once.
import errno
import select
import socket


class Link:
    def __init__(self, addr) -> None:
        self.addr = addr
        self.sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
        self.sock.setblocking(False)

    def open(self, timeout: float) -> None:
        while True:
            try:
                self.sock.connect(self.addr)  # expect: SCK302
            except (BlockingIOError, InterruptedError):
                select.select([], [self.sock], [], timeout)
                continue
            except OSError as e:
                if e.errno == errno.EISCONN:
                    return
                raise
            return
