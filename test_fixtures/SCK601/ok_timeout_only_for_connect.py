# SCK601 ok: the timeout is set only for the connect and taken back in the same block before
# anything else can run; every other method finds the socket blocking.
import socket


class Robot:
    def __init__(self) -> None:
        self.sock = None
        self.connected = False

    def connect(self, address, timeout: float) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        try:
            self.sock.connect(address)
        except OSError as e:
            self.sock = None
            raise ConnectionError(e)
        self.connected = True
        self.sock.settimeout(None)

    def send_command(self, packet: bytes) -> None:
        self.sock.send(packet)
