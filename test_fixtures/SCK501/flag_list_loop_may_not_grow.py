# SCK501 flag: the list the loop tests may not grow on a pass (an append under a test, a continue that skips it) or shrinks again, so the loop does not end after a known number of clients: it is a server loop.
import socket


class Lobby:
    def __init__(self, port: int) -> None:
        self.clients = []
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("0.0.0.0", port))
        self.server.listen()

    def allowed(self, conn: socket.socket) -> bool:
        return conn.getpeername()[0] != "203.0.113.9"

    def admit(self, amount: int) -> None:
        while len(self.clients) < amount:
            conn, _ = self.server.accept()  # expect: SCK501
            if self.allowed(conn):
                self.clients.append(conn)

    def admit_skipping(self, amount: int) -> None:
        while len(self.clients) < amount:
            conn, _ = self.server.accept()  # expect: SCK501
            if not self.allowed(conn):
                continue
            self.clients.append(conn)

    def keep_two(self, amount: int) -> None:
        while len(self.clients) < amount:
            conn, _ = self.server.accept()  # expect: SCK501
            self.clients.append(conn)
            if len(self.clients) > 2:
                self.clients.pop(0).close()
