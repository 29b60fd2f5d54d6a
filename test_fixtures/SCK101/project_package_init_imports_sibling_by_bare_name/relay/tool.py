# SCK101 flag: a script of the package's directory (``python relay/tool.py``): run so, the
# package is never imported and its __init__ never runs.
import socket
import sys


def pump(sock: socket.socket) -> bytes:
    buf = b""
    while len(buf) < 64:
        buf += sock.recv(64)  # expect: SCK101
    return buf


if __name__ == "__main__":
    pump(socket.create_connection((sys.argv[1], 7), timeout=5))
