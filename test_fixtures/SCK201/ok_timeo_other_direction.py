# SCK201 ok: SO_RCVTIMEO times out receives only and SO_SNDTIMEO sends only; neither makes
# the other direction non-blocking.
import socket
import struct


def ask(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 2, 0))
    sock.connect((host, port))
    sent = sock.send(request)  # blocking: SO_RCVTIMEO does not touch sends
    try:
        return sock.recv(4096)[:sent]
    except BlockingIOError:
        return b""


def push(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 2, 0))
    sock.connect((host, port))
    try:
        sent = sock.send(request)
    except BlockingIOError:
        return b""
    return sock.recv(4096)[:sent]  # blocking: SO_SNDTIMEO does not touch receives
