# SCK702 flag: settimeout(None) or settimeout(0) is no read timeout, and a timeout on another
# socket says nothing about this one.
import socket


def open_feed(address) -> socket.socket:
    sock = socket.create_connection(address, timeout=10)
    sock.settimeout(None)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def open_pair(address):
    control = socket.create_connection(address, timeout=10)
    data = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    data.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)  # expect: SCK702
    data.connect(address)
    return control, data


class Feed:
    def _init_sock(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        self.sock = sock

    def open(self, address) -> None:
        self._init_sock()
        self.sock.connect(address)
        self.sock.settimeout(None)  # events can be hours apart
