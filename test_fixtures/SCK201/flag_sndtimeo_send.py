# SCK201 flag: SO_SNDTIMEO makes send() fail with EAGAIN when it expires; with both options
# set, both directions do.
import socket
import struct


def push(host: str, port: int, chunks: list) -> int:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 2, 0))
    sock.connect((host, port))
    total = 0
    try:
        for chunk in chunks:
            total += sock.send(chunk)  # expect: SCK201
    except socket.timeout:
        pass
    return total


def both(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 2, 0))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 2, 0))
    sock.connect((host, port))
    sent = sock.send(b"%d\n" % len(request))
    sent += sock.send(request)  # expect: SCK201
    return sock.recv(sent)  # expect: SCK201
