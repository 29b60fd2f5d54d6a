# SCK601 look-alike: a module that wraps its sockets in a connection class whose send() sends everything; a parameter named like a socket is that wrapper here.
import socket

# Every socket made here is in timeout mode: only their not being sockets keeps these
# send() calls quiet.
socket.setdefaulttimeout(30)


class SocketConnection:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)


class Daemon:
    def accept_one(self, listener: socket.socket) -> None:
        sock, _ = listener.accept()
        conn = SocketConnection(sock)
        self.handshake(conn, b"hello")

    def handshake(self, conn, greeting: bytes) -> None:
        conn.send(greeting + b"\r\n")

    def reply(self, conn, payload) -> None:
        conn.send(payload.to_bytes())
