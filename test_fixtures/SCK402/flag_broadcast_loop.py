# SCK402 flag: a broadcast over the clients with no handler inside the loop: one client's reset
# stops the message reaching the clients after it (and, in a server loop, ends the server).
import select
import socket


class Chat:
    def __init__(self) -> None:
        self.clients = []

    def join(self, listener: socket.socket) -> None:
        client, _ = listener.accept()
        self.clients.append(client)

    def broadcast(self, message: bytes) -> None:
        for client in self.clients:
            client.sendall(message)  # expect: SCK402


def serve(listener: socket.socket) -> None:
    peers = {}
    while True:
        readable, _, _ = select.select([listener, *peers.values()], [], [])
        try:
            if listener in readable:
                peer, address = listener.accept()
                peers[address] = peer
                for other in peers.values():
                    other.send(b"joined\n")  # expect: SCK402
        except ConnectionAbortedError:
            continue
