# SCK702 flag: a comment that mentions the timers is not tuning them; only names, attributes and strings count.
import socket


def connect(addr) -> socket.socket:
    sock = socket.create_connection(addr)
    # TODO: also set TCP_KEEPIDLE / TCP_KEEPINTVL once we know the right values
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return sock


def accept_one(srv: socket.socket) -> socket.socket:
    conn, _ = srv.accept()
    # keepalive timers (TCP_USER_TIMEOUT, SIO_KEEPALIVE_VALS) are left to the OS defaults
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    return conn
