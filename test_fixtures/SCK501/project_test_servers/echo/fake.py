# SCK501 outside test code: a fake server in a module of the program (not named or kept as
# tests are) may be run by a user where any client reaches it: reported.
import socket
import threading


class FakeEchoServer:
    def __init__(self, host: str, port: int) -> None:
        self.listener = socket.create_server((host, port))
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self) -> None:
        while True:
            conn, _ = self.listener.accept()  # expect: SCK501
            threading.Thread(target=self.echo, args=(conn,), daemon=True).start()

    def echo(self, conn: socket.socket) -> None:
        with conn:
            conn.sendall(conn.recv(1024))
