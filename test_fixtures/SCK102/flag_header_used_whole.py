# SCK102 flag: a stream recv(n) decoded or indexed as if it held all n bytes, in readers that
# the module calls in a loop that writes nothing first: each pass reads the stream where the
# last one left it.
import socket
import struct
from struct import unpack


def read_frame(sock: socket.socket) -> bytes:
    (length,) = struct.unpack("!I", sock.recv(4))  # expect: SCK102
    return sock.recv(length)


def read_header(conn: socket.socket):
    hdr = conn.recv(8)  # expect: SCK102
    kind = hdr[0:4]
    size = hdr[4:8]
    return kind, size


def read_port(sock: socket.socket) -> int:
    return int.from_bytes(sock.recv(2), "big")  # expect: SCK102


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def read_id(self) -> int:
        raw = self.sock.recv(4)  # expect: SCK102
        (ident,) = unpack(">I", raw)
        return ident


def read_status(sock: socket.socket) -> int:
    head = sock.recv(8)  # expect: SCK102
    return struct.unpack_from("<I", head, 4)[0]


def read_code(sock: socket.socket) -> int:
    return struct.unpack_from("!H", sock.recv(2))[0]  # expect: SCK102


def pump(sock: socket.socket, client: Client) -> None:
    while True:
        if not read_frame(sock):
            break
        read_header(sock)
        read_port(sock)
        client.read_id()
        read_status(sock)
        read_code(sock)
