# SCK101 ok: a read handed straight to a decoder that cannot decode nothing: zlib and lzma
# raise on an empty (truncated) stream, MessagePack's unpackb()/loads() raise ValueError on
# incomplete input. At end of file the exception ends the loop instead of letting it spin.
import lzma
import socket
import zlib

import msgpack


def inflate(sock: socket.socket, sink) -> None:
    while True:
        sink(zlib.decompress(sock.recv(65536)))


def unxz(sock: socket.socket, sink) -> None:
    while True:
        block = sock.recv(65536)
        sink(lzma.decompress(block))


def events(sock: socket.socket, handle) -> None:
    while True:
        handle(msgpack.unpackb(sock.recv(4096)))
