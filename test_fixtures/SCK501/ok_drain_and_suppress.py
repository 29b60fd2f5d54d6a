# SCK501 ok: a drain loop that returns on (BlockingIOError, ConnectionAbortedError), and contextlib.suppress in a blocking loop.
import contextlib
import socket


class Listener:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_server(("", port), backlog=512)
        self.sock.setblocking(False)

    def on_readable(self, register) -> None:
        while True:
            try:
                conn, addr = self.sock.accept()
            except (BlockingIOError, ConnectionAbortedError):
                return
            register(conn, addr)


def serve_blocking(port: int, spawn) -> None:
    with socket.create_server(("", port)) as srv:
        while True:
            with contextlib.suppress(ConnectionAbortedError):
                conn, addr = srv.accept()
                spawn(conn, addr)
