# SCK402/SCK502 ok: a helper module under tests/ is test code too, whatever its name.
import socket


class FakeServer:
    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.running = True

    def run(self) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                data = conn.recv(1024)
                conn.sendall(data)
