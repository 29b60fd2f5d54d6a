# SCK102 ok: fixed-size reads, one after another, that all end within the first 8 bytes of
# the reply: the reply starts a segment, the segment carries at least 8 bytes, and what the
# first read left is already queued for the next.
import socket
import struct


def ask(sock: socket.socket, request: bytes) -> int:
    sock.sendall(request)
    code = sock.recv(1)
    if code == b"R":
        return struct.unpack("!I", sock.recv(4))[0]
    return 0


def header(sock: socket.socket, request: bytes) -> tuple:
    sock.sendall(request)
    kind = struct.unpack("!I", sock.recv(4))[0]
    size = struct.unpack("!I", sock.recv(4))[0]
    return kind, size
