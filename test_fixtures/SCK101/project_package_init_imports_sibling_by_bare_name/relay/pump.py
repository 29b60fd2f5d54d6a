# SCK101 ok: a module of definitions only, used by importing it as part of the package:
# ``import relay.pump`` runs relay/__init__.py first, which fails on Python 3, so this loop
# never runs.
import socket
import threading

LOCK = threading.Lock()


def pump(sock: socket.socket) -> bytes:
    buf = b""
    while len(buf) < 64:
        buf += sock.recv(64)
    return buf
