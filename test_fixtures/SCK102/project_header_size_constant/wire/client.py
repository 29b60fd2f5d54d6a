# SCK102: a read size named by a project constant counts as fixed. A 4-byte header read first
# after the request is not flagged; a 64-byte one is (more than a segment's 48-byte minimum).
import socket
import struct

from wire.sizes import FRAME_HEAD_SIZE, HEADER_SIZE


def ask(sock: socket.socket, request: bytes) -> int:
    sock.sendall(request)
    return struct.unpack("!I", sock.recv(HEADER_SIZE))[0]


def ask_frame(sock: socket.socket, request: bytes) -> tuple:
    sock.sendall(request)
    return struct.unpack("!8Q", sock.recv(FRAME_HEAD_SIZE))  # expect: SCK102
