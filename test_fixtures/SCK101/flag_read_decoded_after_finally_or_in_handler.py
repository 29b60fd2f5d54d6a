# SCK101 flag: the decoding does not run right after the read on the path that raises
# nothing: a `finally` block runs in between (it may bind names or leave the loop), or the
# decoding sits in a handler that runs only when the read raised, or after a loop's body.
import socket
import struct


def finally_in_between(sock: socket.socket, log) -> None:
    while True:
        try:
            data = sock.recv(1)  # expect: SCK101
        finally:
            log("read")
        (size,) = struct.unpack("!B", data)
        print(size)


def decoded_in_handler(sock: socket.socket) -> None:
    while True:
        try:
            data = sock.recv(1)  # expect: SCK101
        except OSError:
            (size,) = struct.unpack("!I", b"\0\0\0\0")
            print(size)
        print(data)


def inner_loop_then_decode(sock: socket.socket, parts: int) -> None:
    while True:
        for _ in range(parts):
            data = sock.recv(1)  # expect: SCK101
        (size,) = struct.unpack("!B", data)
        print(size)
