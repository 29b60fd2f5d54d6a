# SCK601 ok: struct.pack() named through a star import still fixes the payload's size by its
# literal format, on a socket in timeout mode.
import socket
from struct import *


def handshake(addr, timeout: float):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    sock.connect(addr)
    version = unpack(">L", sock.recv(4))
    if not version or version[0] < 1:
        sock.close()
        return None
    sock.send(pack(">L", 1))
    return sock
