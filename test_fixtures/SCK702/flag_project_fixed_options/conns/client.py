# Keepalive on with the default timers: the helpers do not set them on this socket.
import socket

from conns import opts


def connect_nodelay(host, port):
    sock = socket.create_connection((host, port), timeout=None)
    opts.set_nodelay(sock)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def connect_socket_options(host, port, options):
    sock = socket.create_connection((host, port), timeout=None)
    opts.apply_socket_options(sock, options)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def connect_other(host, port, options, spare):
    # The TCP options go to another socket; this one is never passed to the helper.
    sock = socket.create_connection((host, port), timeout=None)
    opts.apply_tcp_options(spare, options)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock
