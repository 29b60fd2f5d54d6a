# SCK402 flag: the accepted socket itself goes into the container: stored before the name is
# rebound to a wrapper, or wrapped on one branch only. A loop that writes to every stored
# client with no handler lets one client's reset stop the message reaching the rest.
import socket


class Client:
    def __init__(self, sock):
        self.sock = sock


class Server:
    def __init__(self, listener: socket.socket) -> None:
        self.listener = listener
        self.clients = []
        self.others = []

    def run(self) -> None:
        while True:
            try:
                conn, addr = self.listener.accept()
            except ConnectionAbortedError:
                continue
            self.clients.append(conn)
            conn = Client(conn)

    def run_some_wrapped(self, wrap: bool) -> None:
        while True:
            try:
                sock, addr = self.listener.accept()
            except ConnectionAbortedError:
                continue
            if wrap:
                sock = Client(sock)
            self.others.append(sock)

    def broadcast(self, data: bytes) -> None:
        for client in self.clients:
            client.sendall(data)  # expect: SCK402
        for other in self.others:
            other.sendall(data)  # expect: SCK402
