# SCK101 flag: these decoders return b"" for b"" (bz2, gzip, base64), or the exception
# they raise is caught in the loop, which goes round again: the empty read spins.
import base64
import bz2
import gzip
import socket
import zlib


def unbz(sock: socket.socket, sink) -> None:
    while True:
        sink(bz2.decompress(sock.recv(65536)))  # expect: SCK101


def ungzip(sock: socket.socket, sink) -> None:
    while True:
        sink(gzip.decompress(sock.recv(65536)))  # expect: SCK101


def unbase64(sock: socket.socket, sink) -> None:
    while True:
        sink(base64.b64decode(sock.recv(4096)))  # expect: SCK101


def inflate_forgiving(sock: socket.socket, sink) -> None:
    while True:
        try:
            sink(zlib.decompress(sock.recv(65536)))  # expect: SCK101
        except zlib.error:
            continue
