# SCK601 ok: sendall() and sendfile() statements keep writing until everything is sent (or raise); their results may be ignored.
import socket

# Every socket made here is in timeout mode: only the exemption keeps send() quiet.
socket.setdefaulttimeout(30)


def send_file(conn: socket.socket, path: str) -> None:
    with open(path, "rb") as f:
        conn.sendall(b"HTTP/1.0 200 OK\r\n\r\n")
        conn.sendfile(f)


def send_lines(sock: socket.socket, lines) -> None:
    for line in lines:
        sock.sendall(line.encode("utf-8") + b"\n")
    sock.shutdown(socket.SHUT_WR)
