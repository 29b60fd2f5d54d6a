# SCK701 flag: create_connection() with no timeout argument in a module that never sets one; a vanished peer hangs forever.
import json
import socket
from socket import create_connection


def query(host: str, port: int, request: dict) -> dict:
    with socket.create_connection((host, port)) as conn:  # expect: SCK701
        conn.sendall(json.dumps(request).encode() + b"\n")
        with conn.makefile("rb") as reader:
            line = reader.readline()
    return json.loads(line)


def fetch_quote(host: str) -> bytes:
    conn = socket.create_connection((host, 17), source_address=("0.0.0.0", 0))  # expect: SCK701
    with conn:
        return conn.recv(512)


class Upstream:
    def __init__(self, addr) -> None:
        self.conn = create_connection(  # expect: SCK701
            addr,
        )

    def ask(self, question: bytes) -> bytes:
        self.conn.sendall(question)
        return self.conn.recv(4096)
