# Helpers: one turns keepalive on and tunes nothing, one sets a send buffer.
import socket


def enable_keepalive(sock):
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702


def describe(sock):
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1 << 16)
