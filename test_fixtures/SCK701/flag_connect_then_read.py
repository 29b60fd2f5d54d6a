# SCK701 flag: socket.socket() connected and then read (recv / makefile) in the same function, with no timeout anywhere.
import socket


def http_get(host: str, port: int, path: str) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))  # expect: SCK701
    try:
        sock.sendall(f"GET {path} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode())
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        sock.close()
    return b"".join(chunks)


def read_status(host: str, port: int) -> str:
    with socket.socket() as s:
        s.connect((host, port))  # expect: SCK701
        s.sendall(b"STATUS\n")
        with s.makefile("r", encoding="utf-8") as f:
            return f.readline().strip()


def notify_maybe_ask(host: str, port: int, message: bytes, fresh: bool) -> bytes:
    """The name is bound to a new socket on one path only: the read may be the first
    socket's."""
    tracker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tracker.connect((host, port))  # expect: SCK701
    tracker.sendall(message)
    if fresh:
        tracker.close()
        tracker = socket.create_connection((host, port), timeout=10)
    return tracker.recv(1024)
