# Fixed ports from the constants module: a restart meets the old connections in TIME_WAIT.
import socket

from srv import const
from srv.const import SERVICE_ADDR


def serve():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(SERVICE_ADDR)  # expect: SCK801
    sock.listen()
    return sock


def serve_admin(listener_factory):
    # The socket comes from elsewhere; the (host, port) constant says it is TCP/IP.
    sock: socket.socket = listener_factory()
    sock.bind(const.ADMIN_ADDR)  # expect: SCK801
    sock.listen()
    return sock
