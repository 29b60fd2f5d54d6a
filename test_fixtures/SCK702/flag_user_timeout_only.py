# SCK702 flag: TCP_USER_TIMEOUT bounds unacknowledged data, but the first keepalive probe still waits about two hours.
import socket

TCP_USER_TIMEOUT = getattr(socket, "TCP_USER_TIMEOUT", 18)


def connect_bounded(addr) -> socket.socket:
    sock = socket.create_connection(addr)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    sock.setsockopt(socket.IPPROTO_TCP, TCP_USER_TIMEOUT, 30_000)
    return sock
