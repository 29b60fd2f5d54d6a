# SCK702 ok: the socket also has a read timeout, so a blocked read ends by itself and keepalive
# is not the only way the program notices a dead peer.
import socket
import struct


def open_db(host: str, port: int, connect_timeout: float, read_timeout):
    sock = socket.create_connection((host, port), connect_timeout)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.settimeout(read_timeout)  # the caller's choice of read timeout
    return sock


def open_rpc(family: int, address) -> socket.socket:
    handle = socket.socket(family, socket.SOCK_STREAM)
    handle.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    handle.settimeout(30)
    handle.connect(address)
    return handle


def open_raw(address) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 60, 0))
    sock.connect(address)
    return sock


class Feed:
    def __init__(self, address, timeout: float) -> None:
        self.sock = socket.create_connection(address)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)

    def arm(self, timeout: float) -> None:
        self.sock.settimeout(timeout)


def with_option_default(options: dict) -> socket.socket:
    """A mapping's get() with a default always gives a timeout."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.settimeout(options.get("timeout", 30.0))
    return sock
