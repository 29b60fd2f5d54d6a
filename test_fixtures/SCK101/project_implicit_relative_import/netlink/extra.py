# SCK101 flag: a module the package's __init__ does not import; something may put its
# directory on sys.path, and the rule does not guess.
import socket

from errors import Gone


def pump(sock: socket.socket) -> bytes:
    buf = b""
    while len(buf) < 64:
        buf += sock.recv(64)  # expect: SCK101
    if not buf:
        raise Gone()
    return buf
