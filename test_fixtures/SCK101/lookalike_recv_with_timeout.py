# SCK101 lookalike: a read whose first argument is a timeout, not a byte count, is some other
# API's receive (a CAN bus, a WebSocket client, a project's message channel): a socket's
# recv() takes a size, and raises TypeError on a float.
import socket


def watch(bus):
    while True:
        msg = bus.recv(1.0)
        print(msg)


def pump(factory, url, timeout):
    sock = factory(url)
    while True:
        raw = sock.recv(timeout)
        print(raw)


class Feed:
    def __init__(self, conn, read_timeout=5.0):
        self.conn = conn
        self.read_timeout = read_timeout

    def run(self):
        while True:
            frame = self.conn.recv(self.read_timeout)
            print(frame)


def still_a_socket(host, size):
    sock = socket.create_connection((host, 9000), timeout=5)
    buf = b""
    while b"\n" not in buf:
        buf += sock.recv(size)  # expect: SCK101
    return buf
