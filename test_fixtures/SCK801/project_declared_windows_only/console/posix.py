# Code the project leaves to other systems by its own test runs on none it declares: the
# test wins, and the bind is reported.
import socket
import sys


def serve_posix(port):
    if sys.platform == "win32":
        raise RuntimeError("use console.server")
    listener = socket.socket()
    listener.bind(("", port))  # expect: SCK801
    listener.listen()
    return listener
