# SCK603 ok: sendall() on a non-blocking datagram socket sends one datagram, whole or not at
# all (send() on UDP hands the whole datagram to the kernel or raises with nothing sent):
# there is no partial count to lose.
import socket


class MasterServer:
    def __init__(self, host: str, port: int) -> None:
        self.address = (host, port)
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.socket.setblocking(False)
        self.socket.connect(self.address)

    def request(self, payload: bytes) -> None:
        self.socket.sendall(payload)


def beacon(address, payload: bytes) -> None:
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.setblocking(False)
    sock.connect(address)
    sock.sendall(payload)
    sock.close()
