# SCK601 fix: send() becomes sendall() on sockets not known to be non-blocking.
import socket


def reply(conn: socket.socket, body: bytes) -> None:
    conn.sendall(b"HTTP/1.0 200 OK\r\n\r\n")  # expect: SCK601
    conn.sendall(body)  # expect: SCK601


def no_fix(conn: socket.socket, body: bytes) -> None:
    conn.setblocking(False)
    try:
        conn.send(body)  # expect: SCK601
    except BlockingIOError:
        pass
