# SCK601 project: sockets made by the constructor through the factories of net.py, put in
# timeout mode. The handshake request, composed by http.py and sent as the class's only
# write, goes into an empty send buffer and is taken whole; the other sends are reported
# (another write in the class or in a base class, a factory that writes, bulk data).
import base64
import os

from wslink.base import Buffered
from wslink.http import framed, handshake_request
from wslink.net import open_connection, open_greeted


class Client:
    def __init__(self, host: str, port: int, path: str = "/", timeout: float = 10.0) -> None:
        self.host = host
        self.path = path
        self.sock = open_connection((host, port), timeout)
        self.sock.settimeout(timeout)

    def upgrade(self) -> bytes:
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        self.sock.send(handshake_request(key, self.path, self.host))
        return self.sock.recv(4096)


class GreetedClient:
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.host = host
        self.sock = open_greeted((host, port), b"HELLO\r\n")
        self.sock.settimeout(timeout)

    def upgrade(self) -> bytes:
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        self.sock.send(handshake_request(key, "/", self.host))  # expect: SCK601
        return self.sock.recv(4096)


class Streamer:
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.sock = open_connection((host, port))
        self.sock.settimeout(timeout)

    def push(self, payload: bytes) -> None:
        self.sock.send(framed(payload))  # expect: SCK601


class Pusher:
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.sock = open_connection((host, port))
        self.sock.settimeout(timeout)

    def hello(self, name: str) -> None:
        self.sock.send(handshake_request(name, "/", "localhost"))  # expect: SCK601

    def push(self, payload: bytes) -> None:
        self.sock.sendall(framed(payload))


class BufferedClient(Buffered):
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        super().__init__()
        self.sock = open_connection((host, port))
        self.sock.settimeout(timeout)

    def upgrade(self) -> bytes:
        self.sock.send(handshake_request("key", "/", "localhost"))  # expect: SCK601
        return self.sock.recv(4096)
