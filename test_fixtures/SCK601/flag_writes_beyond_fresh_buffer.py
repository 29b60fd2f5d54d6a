# SCK601 flag: what was written before is unknown or too much for the empty-buffer argument:
# a write in a loop, a fifth write, a payload handed in, and more than 512 bytes in all.
import socket


def chatty(address) -> None:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    try:
        for _ in range(3):
            sock.send(b"PING\r\n")  # expect: SCK601
        sock.send(b"DONE\r\n")  # expect: SCK601
    except BlockingIOError:
        pass  # the peer is slow: try again later


def five(address) -> None:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    try:
        sock.send(b"A\r\n")
        sock.send(b"B\r\n")
        sock.send(b"C\r\n")
        sock.send(b"D\r\n")
        sock.send(b"E\r\n")  # expect: SCK601
    except BlockingIOError:
        pass  # the peer is slow: try again later


def after_payload(address, body: bytes) -> None:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    try:
        sock.send(body)  # expect: SCK601
        sock.send(b"\r\n")  # expect: SCK601
    except BlockingIOError:
        pass  # the peer is slow: try again later


def too_much(address) -> None:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    try:
        sock.send(b"x" * 400)
        sock.send(b"y" * 200)  # expect: SCK601
    except BlockingIOError:
        pass  # the peer is slow: try again later


def composed_after_payload(host: str, port: int, body: bytes, name: str) -> None:
    # a composed request after a payload handed in: the buffer may already be full
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect((host, port))
    client.setblocking(False)
    try:
        client.send(body)  # expect: SCK601
        client.send(f"NAME {name}\n".encode())  # expect: SCK601
    except BlockingIOError:
        pass  # the peer is slow: try again later
