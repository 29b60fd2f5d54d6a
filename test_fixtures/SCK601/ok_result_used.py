# SCK601 ok: send() whose count is used (offset loops, returned, compared) and sendall() statements.
import socket

# Every socket made here is in timeout mode: only the exemption keeps send() quiet.
socket.setdefaulttimeout(30)


def send_all(sock: socket.socket, data: bytes) -> None:
    view = memoryview(data)
    while view:
        sent = sock.send(view)
        view = view[sent:]


def send_some(conn: socket.socket, data: bytes) -> int:
    return conn.send(data)


def send_counted(conn: socket.socket, chunks) -> int:
    total = 0
    for chunk in chunks:
        total += conn.send(chunk)
    return total


def ping(conn: socket.socket) -> None:
    if conn.send(b"\x00") != 1:
        raise ConnectionError("could not write the keep-alive byte")
    conn.sendall(b"PING\r\n")
