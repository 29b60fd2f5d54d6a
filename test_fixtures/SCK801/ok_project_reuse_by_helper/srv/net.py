# Helpers that prepare a listening socket.
import os
import socket


def set_reuse_address(server_socket):
    # Skipped on Windows, where the option lets other sockets share the port.
    if os.name != "nt":
        server_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


def set_exclusive_or_reuse(sock):
    if os.name == "nt":
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_EXCLUSIVEADDRUSE, 1)
    else:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)


def prepare_listener(sock, nodelay=True):
    if nodelay:
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    set_reuse_address(sock)


def make_listener():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    set_reuse_address(sock)
    return sock
