# SCK701 flag: a connection with no timeout that is read here, or handed to the caller.
import socket


def fetch_banner(host: str, port: int) -> bytes:
    with socket.create_connection((host, port)) as sock:  # expect: SCK701
        return sock.recv(256)


def open_session(host: str, port: int) -> socket.socket:
    return socket.create_connection((host, port))  # expect: SCK701


class Client:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port))  # expect: SCK701
