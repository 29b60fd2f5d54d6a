# SCK701 ok: connect() on a socket that is no TCP/IP stream makes no TCP connection, so
# there is no peer that can vanish half-open: a datagram socket (connect() only fixes its
# default destination), a raw socket, or another family (CAN, written as AF_CAN or PF_CAN).
import socket


def query(server, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.connect(server)
    sock.send(request)
    return sock.recv(512)


class BroadcastManager:
    def __init__(self, interface: str) -> None:
        self._s = socket.socket(socket.PF_CAN, socket.SOCK_DGRAM, socket.CAN_BCM)
        self._s.connect((interface,))

    def receive(self) -> bytes:
        return self._s.recv(4096)


def can_frames(interface: str) -> bytes:
    sock = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)
    sock.connect((interface,))
    return sock.recv(16)
