# SCK402 ok: a connection the server opened itself (the upstream of a proxy, a backend) is not a
# client connection: its reset may rightly end the loop.
import socket


def proxy(port: int, backend) -> None:
    listener = socket.create_server(("", port))
    upstream = socket.create_connection(backend, timeout=10)
    while True:
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        try:
            request = conn.recv(4096)
            if not request:
                conn.close()
                continue
            upstream.sendall(request)
            reply = upstream.recv(65536)
            if not reply:
                break  # the backend went away: the proxy stops
            conn.sendall(reply)
        except OSError:
            conn.close()
        conn.close()


class Relay:
    def __init__(self, backend) -> None:
        self.backend = socket.create_connection(backend, timeout=10)

    def run(self, listener: socket.socket) -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except ConnectionAbortedError:
                continue
            self.backend.sendall(b"client\n")
            conn.close()
