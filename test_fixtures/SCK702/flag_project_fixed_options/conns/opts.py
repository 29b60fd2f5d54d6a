# Helpers that set other options.
import socket


def set_nodelay(sock):
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def apply_socket_options(sock, options):
    for option, value in options.items():
        sock.setsockopt(socket.SOL_SOCKET, option, value)


def apply_tcp_options(sock, options):
    for option, value in options.items():
        sock.setsockopt(socket.IPPROTO_TCP, option, value)
