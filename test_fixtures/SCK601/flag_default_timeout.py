# SCK601 flag: socket.setdefaulttimeout() puts every socket made afterwards in timeout mode,
# including sockets handed in as parameters and accepted connections.
import socket

socket.setdefaulttimeout(20)


def fetch(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    sock.send(request)  # expect: SCK601
    return sock.recv(4096)


def answer(conn: socket.socket, body: bytes) -> None:
    conn.send(body)  # expect: SCK601


def serve_one(listener: socket.socket, body: bytes) -> None:
    client, _ = listener.accept()
    with client:
        client.send(body)  # expect: SCK601
