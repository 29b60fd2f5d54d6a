# Ephemeral ports, named through an imported constant: no TIME_WAIT to collide with.
import socket

from srv import const
from srv.const import DEFAULT_ADDR


def serve():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(DEFAULT_ADDR)
    sock.listen()
    return sock


def serve_dotted():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(const.DEFAULT_ADDR)
    sock.listen()
    return sock
