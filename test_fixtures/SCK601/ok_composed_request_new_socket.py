# SCK601 ok: a request the code composes from a literal template or a literal structure,
# sent on a socket in timeout mode. CPython waits until the socket is writable and then
# makes one send(2); the kernel reports it writable only with room for far more than a
# request of ordinary size, which is taken whole.
import json
import pickle
import socket
import struct
from contextlib import closing


def query(host: str, port: int, name: str, timeout: float) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with closing(sock):
        sock.settimeout(timeout)
        data = pickle.dumps(("REGISTRY", "QUERY", (name,)))
        sock.connect((host, port))
        sock.send(data)
        return sock.recv(4096)


def fetch(host: str, path: str) -> bytes:
    with socket.create_connection((host, 80), timeout=5) as sock:
        sock.send(("GET %s HTTP/1.0\r\nHost: %s\r\n\r\n" % (path, host)).encode("ascii"))
        return sock.recv(65536)


def hello(host: str, port: int, user: str) -> bytes:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(f"HELLO {user}\r\n".encode())
    return sock.recv(512)


def lookup(host: str, port: int, key: str) -> bytes:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(json.dumps({"op": "get", "key": key}).encode())
    return sock.recv(4096)


def framed_lookup(host: str, port: int, name: str) -> bytes:
    sock = socket.create_connection((host, port), timeout=5)
    body = "LOOKUP {}\n".format(name).encode()
    sock.send(struct.pack("!I", len(body)) + body)
    return sock.recv(4096)


def numbered(host: str, port: int, start: int, end: int) -> bytes:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(b"RANGE %d %d\r\n" % (start, end))
    return sock.recv(4096)


def login(host: str, port: int, user: str) -> bytes:
    sock = socket.create_connection((host, port), timeout=5)
    if user:
        request = ("USER " + user + "\r\n").encode()
    else:
        request = b"ANON\r\n"
    sock.send(request)
    return sock.recv(512)


class Session:
    def __init__(self, host: str, port: int, timeout: float, name: str) -> None:
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.sock.send(("HELO %s\r\n" % name).encode())
        self.banner = self.sock.recv(512)


def greet_clients(listener: socket.socket, host: str) -> None:
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        conn.settimeout(10)
        try:
            conn.send(("220 %s ready\r\n" % host).encode())
        except OSError:
            pass
        finally:
            conn.close()


def greet_each(listener: socket.socket, host: str) -> None:
    while True:
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            continue
        conn.settimeout(10)
        try:
            conn.send(("220 %s ready\r\n" % host).encode())
        except OSError:
            pass
        finally:
            conn.close()


class Lookup:
    """A query line (a name and a line end) as the first write on a new socket."""

    def lookup(self, name: str) -> bytes:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(10)
        sock.connect(("whois.example.org", 43))
        sock.send(bytes(name, "utf-8") + b"\r\n")
        return sock.recv(4096)

    def finger(self, user: str) -> bytes:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(10)
        sock.connect(("finger.example.org", 79))
        sock.send(("%s\r\n" % user).encode())
        return sock.recv(4096)

    def ask(self, question: str) -> bytes:
        sock = socket.create_connection(("example.org", 7), timeout=5)
        sock.send(question.encode("ascii") + b"\n")
        return sock.recv(4096)


def tunnel(proxy: tuple, host: str, port: int, auth: str) -> bytes:
    sock = socket.create_connection(proxy, timeout=5)
    sock.send(
        (
            f"CONNECT {host}:{port} HTTP/1.1\r\n"
            f"Proxy-Authorization: Basic {auth}\r\n\r\n"
        ).encode("utf-8")
    )
    return sock.recv(4096)
