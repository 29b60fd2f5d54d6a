# SCK201 ok: SO_RCVTIMEO / SO_SNDTIMEO set to a zero timeval (or 0 ms) is no timeout: the call blocks, never BlockingIOError.
import socket
import struct
from struct import pack

NO_TIMEOUT = struct.pack("ll", 0, 0)


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, NO_TIMEOUT)
    while True:
        handle(sock.recv(1024))


def query(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, pack("ll", 0, 0))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, 0)
    sock.connect((host, port))
    sock.sendall(request)
    return sock.recv(4096)


def cleared(host: str, port: int) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 2, 0))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 0, 0))
    sock.connect((host, port))
    return sock.recv(4096)


def handle(data: bytes) -> None:
    print(data)
