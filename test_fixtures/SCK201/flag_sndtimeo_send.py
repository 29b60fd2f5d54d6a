# SCK201 flag: SO_SNDTIMEO makes send() fail with EAGAIN when it expires; with both options
# set, both directions do.
import socket
import struct


def push(host: str, port: int, request: bytes) -> int:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 2, 0))
    sock.connect((host, port))
    try:
        return sock.send(request)  # expect: SCK201
    except socket.timeout:
        return 0


def both(host: str, port: int, request: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 2, 0))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 2, 0))
    sock.connect((host, port))
    sent = sock.send(request)  # expect: SCK201
    return sock.recv(sent)  # expect: SCK201
