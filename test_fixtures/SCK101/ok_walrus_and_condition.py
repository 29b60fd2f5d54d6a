# SCK101 ok: EOF tested in the loop condition: `while (chunk := sock.recv(n)):`, `while data:` and a walrus under `not`.
import hashlib
import socket


def checksum_stream(host: str, port: int) -> str:
    digest = hashlib.sha256()
    with socket.create_connection((host, port), timeout=20) as sock:
        while (chunk := sock.recv(65536)):
            digest.update(chunk)
    return digest.hexdigest()


def copy_to_file(sock: socket.socket, path: str) -> int:
    total = 0
    with open(path, "wb") as fh:
        while True:
            if not (data := sock.recv(32768)):
                break
            total += fh.write(data)
    return total


def relay(src: socket.socket, dst: socket.socket) -> None:
    data = src.recv(4096)
    while data:
        dst.sendall(data)
        data = src.recv(4096)
