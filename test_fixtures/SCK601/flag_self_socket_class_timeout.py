# SCK601 flag: a socket kept on self, whose class puts it in timeout or non-blocking mode in
# some method: every method's send() may run on a socket in that mode.
import socket


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def set_timeout(self, seconds: float) -> None:
        self.sock.settimeout(seconds)

    def send_message(self, message: bytes) -> None:
        self.sock.send(message)  # expect: SCK601

    def send_copy(self, message: bytes) -> None:
        sock = self.sock
        sock.send(message)  # expect: SCK601


class Stream:
    def connect(self, host: str, port: int, timeout: float) -> None:
        self._conn = socket.create_connection((host, port), timeout)

    def write(self, data: bytes) -> None:
        self._conn.send(data)  # expect: SCK601


class Peer:
    def __init__(self, sock: socket.socket) -> None:
        sock.setblocking(False)
        self.sock = sock

    def write(self, data: bytes) -> None:
        self.sock.send(data)  # expect: SCK601
