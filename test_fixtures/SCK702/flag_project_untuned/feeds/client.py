# Keepalive with the default timers and no read timeout on the same socket.
import socket

from feeds import net


def open_feed(host, port):
    sock = socket.create_connection((host, port), timeout=None)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    net.describe(sock)
    return sock


def connect(host, port, timeout=None):
    # Nobody passes a timeout: on the default path the socket has none.
    sock = socket.create_connection((host, port), timeout=None)
    sock.settimeout(timeout)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def open_with(host, port, timeout=None):
    sock = socket.create_connection((host, port), timeout)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock
