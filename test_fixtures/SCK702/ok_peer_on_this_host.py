# SCK702 ok: the connection's peer is on this host: accepted from a listener bound to
# loopback only, or connected to a loopback address. When the peer's host dies, so does
# this one; when the peer's program dies, its kernel closes the connection. Keepalive has
# nothing to detect there.
import socket


class Forwarder:
    DEFAULT_HOST = "127.0.0.1"

    def __init__(self, host=None, port=0):
        self.host = host or self.DEFAULT_HOST
        self.port = port
        self.listener = None

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind((self.host, self.port))
        self.listener.listen(1)

    def accept_one(self):
        client, _ = self.listener.accept()
        client.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
        return client.recv(1024)


def local_agent(port):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    sock.connect(("127.0.0.1", port))
    return sock.recv(1024)
