# SCK601 flag: another call runs while the timeout is set (it may use the socket in that
# mode), or the timeout is never taken back: the other methods may find it in timeout mode.
import socket


class Robot:
    def connect(self, address, timeout: float) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(address)
        self.handshake()
        self.sock.settimeout(None)

    def handshake(self) -> None:
        self.send_command(b"HELLO " + b"x" * 4096)

    def send_command(self, packet: bytes) -> None:
        self.sock.send(packet)  # expect: SCK601


class Arm:
    def connect(self, address, timeout: float) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(timeout)
        self.sock.connect(address)

    def send_command(self, packet: bytes) -> None:
        self.sock.send(packet)  # expect: SCK601
