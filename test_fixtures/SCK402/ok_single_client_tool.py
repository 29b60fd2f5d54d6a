# SCK402 ok: I/O on a socket outside any accept loop (a one-shot client, a one-connection debug tool) is not a server loop.
import socket


def fetch(host: str, port: int) -> bytes:
    with socket.create_connection((host, port), timeout=10) as conn:
        conn.sendall(b"GET / HTTP/1.0\r\n\r\n")
        parts = []
        while True:
            chunk = conn.recv(65536)
            if not chunk:
                break
            parts.append(chunk)
        return b"".join(parts)


def debug_one(port: int) -> bytes:
    with socket.create_server(("127.0.0.1", port)) as srv:
        conn, _ = srv.accept()
        with conn:
            conn.sendall(b"debug> ")
            return conn.recv(1024)
