# SCK702 ok: a helper tunes the timers per platform (TCP_KEEPIDLE, macOS TCP_KEEPALIVE, Windows SIO_KEEPALIVE_VALS).
import socket
import sys

IDLE, INTERVAL, COUNT = 60, 10, 5


def _tune_keepalive(sock: socket.socket) -> None:
    if hasattr(socket, "TCP_KEEPIDLE"):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPIDLE, IDLE)
    elif sys.platform == "darwin":
        sock.setsockopt(socket.IPPROTO_TCP, getattr(socket, "TCP_KEEPALIVE", 0x10), IDLE)
    elif sys.platform == "win32":
        sock.ioctl(socket.SIO_KEEPALIVE_VALS, (1, IDLE * 1000, INTERVAL * 1000))
        return
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPINTVL, INTERVAL)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_KEEPCNT, COUNT)


def connect(addr) -> socket.socket:
    sock = socket.create_connection(addr, timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)
    _tune_keepalive(sock)
    return sock
