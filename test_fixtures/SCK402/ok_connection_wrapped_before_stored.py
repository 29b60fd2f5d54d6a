# SCK402 ok: the accepted connection is wrapped in an object of the program's own before it
# is stored (`client = Client(self, sock=client)`, then `self.clients.append(client)`): the
# container holds those objects, whose `send()` queues the data for a writer thread, and a
# loop over it writes to no socket.
import socket
import threading


class Client:
    def __init__(self, server, sock, addr):
        self.server = server
        self.sock = sock
        self.addr = addr
        self.packets = []

    def send(self, data):
        self.packets.append(data)


class Server:
    def __init__(self, listener: socket.socket) -> None:
        self.listener = listener
        self.clients = []
        self.peers = {}
        self.verbose = False

    def run(self) -> None:
        while True:
            try:
                client, addr = self.listener.accept()
            except ConnectionAbortedError:
                continue
            client = Client(self, sock=client, addr=addr)
            self.clients.append(client)
            threading.Thread(target=self.serve, args=(client,)).start()

    def run_keyed(self) -> None:
        while True:
            try:
                conn, addr = self.listener.accept()
            except ConnectionAbortedError:
                continue
            if addr[0] == "10.0.0.1":
                continue
            conn = Client(self, conn, addr)
            if self.verbose:
                print("joined", conn.addr)  # a statement that only reads the name
            self.peers[addr] = conn

    def serve(self, client):
        pass

    def broadcast(self, data: bytes) -> None:
        for client in self.clients:
            client.send(data)
        for peer in self.peers.values():
            peer.send(data)
