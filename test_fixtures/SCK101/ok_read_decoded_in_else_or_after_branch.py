# SCK101 ok: what runs right after the read decodes it, where the read ends a branch of an
# `if` (the statements after the `if` come next) or the body of a `try` whose `else` block
# runs next: `struct.unpack()` of b"" raises struct.error, which leaves the loop.
import socket
import ssl
import struct


def remaining_length(sock: socket.socket, tls: ssl.SSLObject, secure: bool) -> int:
    multiplier, value = 1, 0
    while True:
        try:
            if secure:
                byte = tls.read(1)
            else:
                byte = sock.recv(1)
        except BlockingIOError:
            return -1
        else:
            (digit,) = struct.unpack("!B", byte)
        value += (digit & 127) * multiplier
        multiplier *= 128
        if digit & 128 == 0:
            return value


def branch_then_decode(sock: socket.socket, small: bool) -> None:
    while True:
        if small:
            data = sock.recv(2)
        else:
            data = sock.recv(4)
        (code,) = struct.unpack("!H", data[:2])
        print(code)


def else_then_after(sock: socket.socket) -> None:
    while True:
        try:
            header = sock.recv(1)
        except OSError:
            break
        else:
            print("header")
        (size,) = struct.unpack("!B", header)
        print(size)
