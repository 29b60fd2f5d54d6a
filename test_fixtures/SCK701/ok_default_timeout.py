# SCK701 ok: the module sets socket.setdefaulttimeout(), which every socket it creates afterwards inherits.
import socket

socket.setdefaulttimeout(30.0)


def ask(addr, question: bytes) -> bytes:
    sock = socket.socket()
    with sock:
        sock.connect(addr)
        sock.sendall(question)
        return sock.recv(4096)


def fetch(addr) -> bytes:
    with socket.create_connection(addr) as conn:
        return conn.recv(4096)
