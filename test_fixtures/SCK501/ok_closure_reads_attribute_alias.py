# SCK501 ok: the accept loop is a function defined in a method, reading the method's local
# alias of the listener attribute (`server = self.server`); the class binds that listener
# to loopback only, so only programs on this host connect to it.
import socket
import threading


class ChatServer:
    def __init__(self, port):
        host = "127.0.0.1"
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
                client, _ = server.accept()
                self.clients.append(client)

        threading.Thread(target=receive, daemon=True).start()
