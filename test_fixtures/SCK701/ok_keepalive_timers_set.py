# SCK701 ok: keepalive turned on with its timers set on the connected socket
# (TCP_KEEPIDLE, or macOS's TCP_KEEPALIVE): a lost peer is
# found after the idle time and the unanswered probes, and the waiting read fails with
# ETIMEDOUT instead of waiting for ever.
import socket
import sys


class StatusLink:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.sock = None

    def open(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        if sys.platform == "darwin":
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPALIVE, 5)
        else:
            self.sock.setsockopt(socket.SOL_TCP, socket.TCP_KEEPIDLE, 5)
            self.sock.setsockopt(socket.SOL_TCP, socket.TCP_KEEPINTVL, 1)
            self.sock.setsockopt(socket.SOL_TCP, socket.TCP_KEEPCNT, 5)
        self.sock.connect((self.host, self.port))

    def next_status(self):
        return self.sock.recv(1024)

