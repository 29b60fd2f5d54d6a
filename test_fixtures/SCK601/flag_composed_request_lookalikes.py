# SCK601 flag: sends that look like a composed request but are not one, or not in timeout
# mode only: the payload may carry bulk data (a value handed in passed whole or appended,
# file contents, a join), or the socket may be non-blocking. A short write loses the rest.
# The composed requests among them (marked "composed") are taken whole in timeout mode.
import pickle
import socket
import struct

import six


def push(host: str, port: int, data: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(data)  # expect: SCK601


def upload(host: str, port: int, body: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    header = struct.pack("!I", len(body))
    sock.send(header + body)  # expect: SCK601


def put(host: str, port: int, payload: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(b"PUT %s\r\n" % payload)  # expect: SCK601


def relay(host: str, port: int, payload: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(b"%s" % payload)  # expect: SCK601


def store(host: str, port: int, path: str) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    with open(path, "rb") as f:
        sock.send(b"FILE " + f.read())  # expect: SCK601


def value(host: str, port: int, text: str) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(("%s" % text).encode())  # expect: SCK601


def joined(host: str, port: int, body: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(b"".join([b"DATA ", body]))  # expect: SCK601


def second(host: str, port: int, token: bytes, name: str) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.sendall(token)
    sock.send(("GET %s\r\n" % name).encode())  # composed, in timeout mode


def after_branch(host: str, port: int, token: bytes, name: str) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    if token:
        sock.sendall(token)
    sock.send(("GET %s\r\n" % name).encode())  # composed, in timeout mode


def authenticate(sock: socket.socket) -> None:
    sock.sendall(b"AUTH\r\n")


def handed_on(host: str, port: int, name: str) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    authenticate(sock)
    sock.send(("GET %s\r\n" % name).encode())  # composed, in timeout mode


def each(host: str, port: int, names: list) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    for name in names:
        sock.send(("GET %s\r\n" % name).encode())  # composed, in timeout mode


def nonblocking(sock: socket.socket, name: str) -> None:
    # a socket handed in: what its buffer holds is unknown (a fresh socket's first
    # writes are another matter: ok_early_writes_fresh_socket.py)
    sock.setblocking(False)
    sock.send(("GET %s\r\n" % name).encode())  # expect: SCK601 SCK201


def send_timeout(sock: socket.socket, name: str) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 5, 0))
    sock.send(("GET %s\r\n" % name).encode())  # expect: SCK601 SCK201


def handed_in(sock: socket.socket, name: str) -> None:
    sock.settimeout(5)
    sock.send(("GET %s\r\n" % name).encode())  # composed, in timeout mode


class Channel:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=5)

    def greet(self, name: str) -> None:
        # another method writes too, and which runs first is not known
        self.sock.send(("HELO %s\r\n" % name).encode())  # composed, in timeout mode

    def publish(self, data: bytes) -> None:
        self.sock.sendall(data)


def greet_then_serve(listener: socket.socket, host: str, banner: bytes) -> None:
    conn, _ = listener.accept()
    conn.settimeout(10)
    conn.send(banner)  # expect: SCK601


def greet_some(listener: socket.socket, host: str) -> None:
    conn, _ = listener.accept()
    conn.settimeout(10)
    while True:
        try:
            conn.send(("220 %s ready\r\n" % host).encode())  # composed, in timeout mode
        except OSError:
            break


def wrapped(host: str, port: int, data: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(pickle.dumps([data]))  # expect: SCK601


def greet_maybe(listener: socket.socket, host: str) -> None:
    conn, _ = listener.accept()
    conn.settimeout(10)
    while True:
        try:
            conn, _ = listener.accept()
        except ConnectionAbortedError:
            pass  # the pass goes on with the last connection, already written to
        conn.settimeout(10)
        try:
            conn.send(("220 %s ready\r\n" % host).encode())  # composed, in timeout mode
            conn.sendall(b"more")
        except OSError:
            pass


def padded(host: str, port: int, name: str) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(b"HELLO " + name.encode() + b"\0" * 65536)  # expect: SCK601


def line_with_bytes(host: str, port: int, body: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.send(body + b"\r\n")  # expect: SCK601



class Session:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=5)

    def send_line(self, line: str) -> None:
        # a method may run any number of times on one object: not the first write
        self.sock.send(("%s\r\n" % line).encode())  # composed, in timeout mode


def encoded_payload(sock: socket.socket, document: str) -> None:
    """six.b() of a value handed in whole is that value's size, not a request's."""
    sock.settimeout(5.0)
    sock.send(six.b(document))  # expect: SCK601


def upload(host: str, port: int, path: str) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    with open(path) as f:
        sock.send((f"PUT {path}\r\n" f"{f.read()}\r\n").encode())  # expect: SCK601
