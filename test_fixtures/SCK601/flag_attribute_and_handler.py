# SCK601 flag: send() statements on self.sock (set from create_connection with a timeout) and on
# socketserver's self.request in timeout mode.
import socket
import socketserver


class LineClient:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=10.0)

    def send_data(self, data: bytes) -> None:
        self.sock.send(data)  # expect: SCK601

    def close(self) -> None:
        self.sock.close()


class ShoutHandler(socketserver.StreamRequestHandler):
    def handle(self) -> None:
        self.request.settimeout(60)
        for line in self.rfile:
            self.request.send(line.upper())  # expect: SCK601


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
