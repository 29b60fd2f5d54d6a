# Applies options chosen by the user of the library.
import socket


def apply_tcp_options(sock, options):
    for option, value in options.items():
        sock.setsockopt(socket.IPPROTO_TCP, option, value)
