# SCK102 lookalike: recv() of things that are not stream sockets, and file reads.
import struct
from multiprocessing.connection import Client


def from_pipe(address) -> int:
    conn = Client(address)
    (value,) = struct.unpack("!I", conn.recv_bytes(4))
    return value


def from_file(path: str) -> int:
    with open(path, "rb") as handle:
        (magic,) = struct.unpack("!I", handle.read(4))
    return magic


def from_channel(channel) -> int:
    message = channel.recv()
    return message[3]
