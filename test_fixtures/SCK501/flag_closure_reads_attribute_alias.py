# SCK501 flag: the same closure reading the alias of a listener bound to every interface:
# remote clients reach it, and a reset while queued ends the loop.
import socket
import threading


class ChatServer:
    def __init__(self, port):
        host = "0.0.0.0"
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind((host, port))
        server.listen()
        self.server = server
        self.clients = []

    def start(self):
        server = self.server

        def receive():
            while True:
                client, _ = server.accept()  # expect: SCK501
                self.clients.append(client)

        threading.Thread(target=receive, daemon=True).start()
