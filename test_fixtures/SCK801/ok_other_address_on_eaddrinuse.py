# A port already in use is handled by taking another: the handler binds the same socket to an
# address written differently (a port drawn at random, the next port, port 0), so a restart
# while old connections are in TIME_WAIT still starts. The second bind is checked on its own.
import random
import socket


class Inbox:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        self.sock = None

    def listen(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.sock.bind((self.host, self.port))
        except OSError:
            self.port = random.randint(self.port, 2 * self.port)
            self.sock.bind((self.host, self.port))
        self.sock.listen(1)
        return self.port


def listen_near(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))
    except socket.error:
        sock.bind((host, 0))
    sock.listen()
    return sock
