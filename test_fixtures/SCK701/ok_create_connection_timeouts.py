# SCK701 ok: create_connection() with a timeout, positional or keyword, or an explicit timeout=None (a deliberate choice).
import socket


def fetch(host: str, port: int) -> bytes:
    with socket.create_connection((host, port), 10) as conn:
        conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
        return conn.recv(4096)


def fetch_slow(addr, limit: float) -> bytes:
    with socket.create_connection(addr, timeout=limit, source_address=None) as conn:
        return conn.recv(4096)


def tail_forever(addr, sink) -> None:
    # A log follower that is meant to wait for new lines indefinitely.
    with socket.create_connection(addr, timeout=None) as conn:
        while True:
            chunk = conn.recv(4096)
            if not chunk:
                break
            sink(chunk)
