# SCK801 flag: the else of a Windows test runs on Linux and macOS, where a restart within TIME_WAIT fails without SO_REUSEADDR.
import os
import socket


def serve(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    if os.name == "nt":
        sock.bind(("0.0.0.0", port))
    else:
        sock.bind(("0.0.0.0", port))  # expect: SCK801
    sock.listen()
    return sock
