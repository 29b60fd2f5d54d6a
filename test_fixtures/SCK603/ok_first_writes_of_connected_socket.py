# SCK603 ok: sendall() among the first few small writes of a connection this function
# connected while it was blocking, then made non-blocking: the connection is established
# and its send buffer empty, so at most four writes of 512 bytes in all, outside loops, are
# taken whole and sendall() never stops half-way with BlockingIOError.
import socket


def register(host: str, port: int, nick: str) -> socket.socket:
    conn = socket.socket()
    conn.connect((host, port))
    conn.setblocking(False)
    conn.sendall(b"CAP LS 302\r\n")
    conn.sendall(b"NICK guest\r\n")
    return conn
