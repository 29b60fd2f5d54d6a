# SCK701 ok: every assignment of `self.host` gives it a loopback address, so the peer is
# on this host unless a user of the object says otherwise: it cannot vanish half-open.
import socket


class Agent:
    def __init__(self):
        self.host = "127.0.0.1"
        self.port = 9000

    def status(self):
        sock = socket.socket()
        sock.connect((self.host, self.port))
        sock.sendall(b"status\n")
        reply = sock.recv(4096)
        sock.close()
        return reply
