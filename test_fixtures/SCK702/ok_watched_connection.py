# SCK702 ok: the class watches the connection itself: a health check pings an idle
# connection and drops it when the answer is late, so keepalive is only a backstop.
import socket
import time


class Connection:
    def __init__(self, address) -> None:
        self.sock = socket.create_connection(address)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        self.sock.settimeout(None)
        self.last_reply = time.monotonic()
        self.pinged = False

    def read_reply(self) -> bytes:
        data = self.sock.recv(4096)
        self.last_reply = time.monotonic()
        self.pinged = False
        return data

    def close(self) -> None:
        self.sock.close()

    def health_check(self, now: float, response_timeout: float) -> None:
        idle = now - self.last_reply
        if idle > response_timeout and self.pinged:
            self.close()
        elif idle > response_timeout:
            self.sock.sendall(b"PING\r\n")
            self.pinged = True
