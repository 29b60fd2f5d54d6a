# SCK102 ok: fixed-size reads, one after another, that all end within the first 48 bytes of
# the reply: the reply starts a segment, the segment carries at least 48 bytes, and what the
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


def stat(sock: socket.socket, request: bytes) -> tuple:
    # A 16-byte reply header, then its 4-byte body: 20 bytes, all within the first segment.
    sock.sendall(request)
    magic, kind, size, flags = struct.unpack("<4I", sock.recv(16))
    (count,) = struct.unpack("<I", sock.recv(4))
    return magic, kind, size, flags, count
