# SCK102 flag: the reads go past the first 48 bytes of the reply (16 + 16 + 32), or one of them
# has a size the code does not fix, so a later read may find only part of its bytes.
import socket
import struct


def three(sock: socket.socket, request: bytes) -> int:
    sock.sendall(request)
    a = sum(struct.unpack("!2Q", sock.recv(16)))
    b = sum(struct.unpack("!2Q", sock.recv(16)))
    c = sum(struct.unpack("!4Q", sock.recv(32)))  # expect: SCK102
    return a + b + c


def sized(sock: socket.socket, request: bytes, width: int) -> int:
    sock.sendall(request)
    first = sock.recv(width)
    second = struct.unpack("!I", sock.recv(4))[0]  # expect: SCK102
    return len(first) + second


def big_header(sock: socket.socket, request: bytes) -> int:
    # the decoder takes 64 bytes, past the turn's first 48: a bigger read does not help
    sock.sendall(request)
    fields = struct.unpack("!8Q", sock.recv(1024))  # expect: SCK102
    return sum(fields)


def mid_turn(sock: socket.socket) -> int:
    # no send first, and called in a loop: the 8 bytes may be the tail of a segment
    return struct.unpack("!Q", sock.recv(1024))[0]  # expect: SCK102


def poll(sock: socket.socket) -> None:
    while True:
        mid_turn(sock)
