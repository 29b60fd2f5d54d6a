# SCK000 flag: a syntax error in a def line (no parameter name before the colon) is reported as a parse error.
import socket

BUFSIZE = 4096


def open_client(host: str, port: int) -> socket.socket:
    return socket.create_connection((host, port), timeout=5)


def handle(:  # expect: SCK000
    data = open_client("localhost", 7).recv(BUFSIZE)
    return data
