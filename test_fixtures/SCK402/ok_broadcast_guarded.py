# SCK402 ok: a broadcast that handles each client's reset inside the loop, and loops over things
# that are not accepted clients.
import socket


class Chat:
    def __init__(self) -> None:
        self.clients = set()
        self.backends = [socket.create_connection(("db", 5432), timeout=5)]

    def join(self, listener: socket.socket) -> None:
        client, _ = listener.accept()
        self.clients.add(client)

    def broadcast(self, message: bytes) -> None:
        for client in list(self.clients):
            try:
                client.sendall(message)
            except OSError:
                self.clients.discard(client)
                client.close()

    def replicate(self, message: bytes) -> None:
        for backend in self.backends:
            backend.sendall(message)
