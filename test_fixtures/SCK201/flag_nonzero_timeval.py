# SCK201 flag: a timeval with a non-zero part is a timeout, whether written inline or as a constant; clearing the other direction leaves this one set.
import socket
import struct

HALF_SECOND = struct.pack("ll", 0, 500000)


def listen(port: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, HALF_SECOND)
    while True:
        try:
            handle(sock.recv(1024))  # expect: SCK201
        except socket.timeout:
            continue


def query(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 1, 0))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 0, 0))
    sock.connect((host, port))
    sock.sendall(request)
    return sock.recv(4096)  # expect: SCK201


def handle(data: bytes) -> None:
    print(data)
