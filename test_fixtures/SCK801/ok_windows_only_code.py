# SCK801 ok: a bind that only Windows runs (under a Windows test, or in a module that imports msvcrt at its top level) needs no option: Windows rebinds a port whose old connections are in TIME_WAIT, and SO_REUSEADDR there would let other sockets share it.
import os
import socket
import sys


def serve_windows(port: int) -> socket.socket:
    if sys.platform != "win32":
        raise RuntimeError("this server runs on Windows")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("0.0.0.0", port))
    sock.listen()
    return sock


def serve(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if os.name != "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("0.0.0.0", port))
    else:
        sock.bind(("0.0.0.0", port))
    sock.listen()
    return sock
