# SCK601 flag: the branch Python 3 runs is checked as usual.
import socket
import sys


def send_raw(sock: socket.socket, data: bytes) -> None:
    sock.settimeout(5.0)
    if sys.version_info >= (3, 0):
        sock.send(data)  # expect: SCK601
    else:
        sock.sendall(data)
