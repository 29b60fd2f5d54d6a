# SCK402 flag: BrokenPipeError alone is not enough for a write that follows another write
# of ours on the same path (the client may close with that one unread, and a Unix socket
# then fails with ECONNRESET), nor for a write on a TCP connection (a client's reset gives
# ECONNRESET).
import socket


def serve_unix(path: str) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(path)
    sock.listen(1)
    while True:
        conn, _ = sock.accept()
        try:
            conn.sendall(b"hello\n")
        except BrokenPipeError:
            pass
        try:
            conn.sendall(b"bye\n")  # expect: SCK402
        except BrokenPipeError:
            pass
        conn.close()


def serve_tcp(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("", port))
    sock.listen(1)
    while True:
        try:
            conn, _ = sock.accept()
        except OSError:
            continue
        try:
            conn.sendall(b"hello\n")  # expect: SCK402
        except BrokenPipeError:
            pass
        conn.close()
