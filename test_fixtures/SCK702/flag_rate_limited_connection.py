# SCK702 flag: a clock compared with the time of the class's own last send is a rate
# limit, not a watch on the peer: keepalive with the default timers is still all there is.
import socket
import time


class Sender:
    def __init__(self, address) -> None:
        self.sock = socket.create_connection(address)  # expect: SCK701
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        self.last_send = 0.0

    def send(self, line: bytes) -> None:
        if time.monotonic() - self.last_send < 0.1:
            time.sleep(0.1)
        self.sock.sendall(line)
        self.last_send = time.monotonic()

    def read(self) -> bytes:
        return self.sock.recv(4096)
