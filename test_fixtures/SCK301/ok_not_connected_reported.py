# SCK301 ok: a connect whose in-progress result is reported to the caller as "not connected"
# (return False): the code never takes the attempt for done, and asks again once the socket
# is writable.
import select
import socket


class Client:
    def __init__(self, address) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.connected = False

    def try_connect(self) -> bool:
        if self.connected:
            return True
        _, writable, _ = select.select([], [self.sock], [], 0.1)
        if not writable:
            return False
        try:
            self.sock.connect(self.address)
        except BlockingIOError:
            return False
        self.connected = True
        return True
