# SCK702 ok: SO_KEEPALIVE explicitly switched off (0 / False) is not "on with default timers".
import socket


def connect_short_lived(addr) -> socket.socket:
    sock = socket.create_connection(addr, timeout=10)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 0)
    return sock


def disable_keepalive(conn: socket.socket) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, False)
