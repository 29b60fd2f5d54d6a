# SCK702 flag: the options set next to SO_KEEPALIVE cannot be the keepalive timers: a fixed
# TCP option (TCP_NODELAY), caller-chosen options at the socket level (SOL_SOCKET), or
# caller-chosen TCP options applied to another socket.
import socket


def open_nodelay(host, port):
    sock = socket.create_connection((host, port), timeout=None)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def open_socket_level(host, port, socket_options):
    sock = socket.create_connection((host, port), timeout=None)
    for level_option, value in socket_options.items():
        sock.setsockopt(socket.SOL_SOCKET, level_option, value)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def open_pair(host, port, tcp_options, spare):
    sock = socket.create_connection((host, port), timeout=None)
    for option, value in tcp_options.items():
        spare.setsockopt(socket.IPPROTO_TCP, option, value)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def open_named_constants(host, port):
    sock = socket.create_connection((host, port), timeout=None)
    sock.setsockopt(socket.SOL_TCP, getattr(socket, "TCP_NODELAY"), 1)
    sock.setsockopt(6, 1, 1)  # 1: TCP_NODELAY
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


class Client:
    def __init__(self, host, port, options):
        self.host = host
        self.port = port
        self.options = options

    def connect(self):
        self.sock = socket.create_connection((self.host, self.port), timeout=None)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
        self.spare = socket.socket()
        for k, v in self.options:
            self.spare.setsockopt(socket.IPPROTO_TCP, k, v)
