# Helpers and a factory that give sockets their timeouts.
import socket


def set_timeouts(sock, seconds=10.0):
    sock.settimeout(seconds)


def make_socket():
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(5.0)
    return sock
