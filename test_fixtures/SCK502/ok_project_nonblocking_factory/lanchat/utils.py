# Listeners made by the project's factories: one non-blocking, one with a timeout.
import socket


def get_server_sock(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
    s.setblocking(False)
    s.bind(("0.0.0.0", port))
    s.listen(5)
    return s


def get_timed_sock(port):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, True)
    s.settimeout(1.0)
    s.bind(("0.0.0.0", port))
    s.listen(5)
    return s
