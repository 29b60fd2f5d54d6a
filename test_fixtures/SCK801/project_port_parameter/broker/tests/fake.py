# SCK801 across callers: a port parameter whose default is 0 is port 0 when no call of the
# function (the class's, for __init__) passes it, in this module or another; a call that
# passes a port, a caller out of sight, or a default other than 0 keeps the finding.
import socket
import threading


class FakeBroker(threading.Thread):
    def __init__(self, cfg, sock_addr="", sock_port=0):
        threading.Thread.__init__(self)
        self.cfg = cfg
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind((sock_addr, sock_port))
        self.host, self.port = self._sock.getsockname()
        self._sock.listen()

    def run(self):
        conn, _ = self._sock.accept()
        conn.close()


class FixedBroker(threading.Thread):
    def __init__(self, cfg, port=0):
        threading.Thread.__init__(self)
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("", port))  # expect: SCK801
        self._sock.listen()

    def run(self):
        conn, _ = self._sock.accept()
        conn.close()


class LocalPort:
    def __init__(self, port=5672):
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("", port))  # expect: SCK801
        self._sock.listen()


def listen_once(port=0):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    bound = port
    sock.bind(("127.0.0.1", bound))
    sock.listen()
    return sock


def listen_callback(port=0):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", port))  # expect: SCK801
    sock.listen()
    return sock


def start_all(cfg):
    brokers = [FakeBroker(cfg), FakeBroker(cfg, "127.0.0.1")]
    extra = FixedBroker(cfg)
    local = LocalPort()
    first = listen_once()
    handlers = {"listen": listen_callback}  # called out of sight, with any arguments
    return brokers, extra, local, first, handlers
