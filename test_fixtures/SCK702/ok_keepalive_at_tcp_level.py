# SCK702 ok: SO_KEEPALIVE passed at the TCP level is another TCP option's number there
# (Linux: TCP_DEFER_ACCEPT), so keepalive is never turned on: no default timers to report.
import socket


def open_control(addr) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.IPPROTO_TCP, socket.SO_KEEPALIVE, 1)
    sock.connect(addr)
    return sock


def open_data(addr) -> socket.socket:
    sock = socket.create_connection(addr)
    sock.setsockopt(socket.SOL_TCP, socket.SO_KEEPALIVE, 1)
    sock.setsockopt(6, socket.SO_KEEPALIVE, True)
    return sock
