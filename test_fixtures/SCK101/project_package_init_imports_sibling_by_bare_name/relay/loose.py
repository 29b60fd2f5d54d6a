# SCK101 flag: a module that runs code of its own at its top level may be run as a file, where
# the package's __init__ does not run.
import socket


def pump(sock: socket.socket) -> bytes:
    buf = b""
    while len(buf) < 64:
        buf += sock.recv(64)  # expect: SCK101
    return buf


pump(socket.create_connection(("example.org", 7), timeout=5))
