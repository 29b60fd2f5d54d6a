# SCK101 flag: a script beside its siblings, run from the package's directory (``python
# tool.py``): sys.path holds that directory and ``from errors import Gone`` works on
# Python 3.
import socket

from errors import Gone


def pump(sock: socket.socket) -> bytes:
    buf = b""
    while len(buf) < 64:
        buf += sock.recv(64)  # expect: SCK101
    if not buf:
        raise Gone()
    return buf


if __name__ == "__main__":
    pump(socket.create_connection(("127.0.0.1", 7000), timeout=5))
