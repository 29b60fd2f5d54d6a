# SCK601 ok: sockets whose mode lint-sockets cannot see (parameters, attributes handed in,
# socketserver connections) in a module that sets no timeout anywhere: such a socket is
# normally blocking, and reporting it would be a guess.
import socket
import socketserver


def send_frame(sock: socket.socket, frame: bytes) -> None:
    sock.send(frame)


def send_line(conn, line: str) -> None:
    conn.send(line.encode() + b"\r\n")


class Session:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def send_pdu(self, pdu: bytes) -> None:
        self.sock.send(pdu)

    def send_copy(self, pdu: bytes) -> None:
        sock = self.sock
        sock.send(pdu)


class EchoHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        for line in self.rfile:
            self.request.send(line)


class Other:
    # another class's socket in timeout mode says nothing about Session's
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        sock.settimeout(3)
