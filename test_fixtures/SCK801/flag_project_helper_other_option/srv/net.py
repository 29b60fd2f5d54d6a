# Helpers that set other options.
import socket


def set_nodelay(sock):
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def set_reuse_address(server_socket):
    server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


def tune_other(sock, other):
    # Sets the option, but on another socket than the one it is given first.
    other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
