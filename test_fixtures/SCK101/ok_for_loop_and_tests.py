# SCK101 ok: recv in a finite `for` loop, and while-loop results tested by comparison or by `not x.strip()`.
import socket
from typing import List


def read_replies(sock: socket.socket, count: int) -> List[bytes]:
    replies = []
    for _ in range(count):
        replies.append(sock.recv(512))
    return replies


def command_loop(conn: socket.socket, dispatch) -> None:
    while True:
        line = conn.recv(1024)
        if not line.strip():
            break
        conn.sendall(dispatch(line))


def smtp_like(conn: socket.socket) -> None:
    while True:
        cmd = conn.recv(512)
        if cmd in (b"", b"QUIT\r\n"):
            break
        conn.sendall(b"250 OK\r\n")
