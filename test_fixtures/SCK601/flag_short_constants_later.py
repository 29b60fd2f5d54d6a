# SCK601 flag: a constant payload can still be cut short once the socket has sent other
# data (the buffer may be nearly full), or when the socket comes from elsewhere; here every
# socket is in timeout mode.
import socket


def chat(host: str, port: int, body: bytes) -> None:
    sock = socket.create_connection((host, port), timeout=5)
    sock.sendall(body)
    sock.send(b"\r\n\r\n")  # expect: SCK601


def continue_100(sock: socket.socket) -> None:
    sock.settimeout(10)
    sock.send(b"HTTP/1.1 100 Continue\r\n\r\n")  # expect: SCK601


def two_bytes(sock: socket.socket) -> None:
    sock.settimeout(10)
    sock.send(bytes(2))  # expect: SCK601
