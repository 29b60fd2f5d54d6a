# SCK601 project: sockets made by the constructor through the factories of net.py, put in
# timeout mode. The handshake request, composed by http.py and sent by the constructor as
# the socket's first write, goes into an empty send buffer and is taken whole; the other sends are reported
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
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        self.sock.send(handshake_request(key, self.path, self.host))
        self.reply = self.sock.recv(4096)


class LaterUpgrade:
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.host = host
        self.sock = open_connection((host, port), timeout)
        self.sock.settimeout(timeout)

    def upgrade(self) -> bytes:
        # a method may run any number of times on one object: not known to be the first
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        self.sock.send(handshake_request(key, "/", self.host))
        return self.sock.recv(4096)


class Lookup:
    """A query line as the first write on a socket a method of the class makes."""

    def make_socket(self):
        return open_connection(("whois.example.org", 43), 10.0)

    def lookup(self, name: str) -> bytes:
        sock = self.make_socket()
        sock.settimeout(10)
        sock.send(bytes(name, "utf-8") + b"\r\n")
        return sock.recv(4096)


class Greeter:
    def open_socket(self):
        conn = open_connection(("example.org", 43), 10.0)
        conn.sendall(b"HELLO\r\n")  # this factory writes first: the buffer may hold it
        return conn

    def ask(self, name: str) -> None:
        sock = self.open_socket()
        sock.settimeout(10)
        sock.send(name.encode() + b"\r\n")


class Inherited(Lookup):
    def ask_again(self, name: str) -> None:
        sock = self.make_socket()  # defined in a base class: not followed
        sock.settimeout(10)
        sock.send(name.encode() + b"\r\n")


class GreetedClient:
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        self.host = host
        self.sock = open_greeted((host, port), b"HELLO\r\n")
        self.sock.settimeout(timeout)

    def upgrade(self) -> bytes:
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        self.sock.send(handshake_request(key, "/", self.host))
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
        self.sock.send(handshake_request(name, "/", "localhost"))

    def push(self, payload: bytes) -> None:
        self.sock.sendall(framed(payload))


class BufferedClient(Buffered):
    def __init__(self, host: str, port: int, timeout: float = 10.0) -> None:
        super().__init__()
        self.sock = open_connection((host, port))
        self.sock.settimeout(timeout)

    def upgrade(self) -> bytes:
        self.sock.send(handshake_request("key", "/", "localhost"))
        return self.sock.recv(4096)
