# SCK101 ok: the read is completed in the same pass by a loop that runs while the data is
# shorter than a size of at least one, and that loop's own read leaves the function on an
# empty result: at end of file the first read gives b"", the completing loop runs, and its
# read sees the end of file.
import socket
import struct

HEADER = 4


def pump(sock: socket.socket, handle) -> None:
    while True:
        data = sock.recv(4)
        while len(data) < 4:
            more = sock.recv(4 - len(data))
            if not more:
                return
            data += more
        (size,) = struct.unpack("!I", data)
        handle(size)


def pump_constant(sock: socket.socket, handle) -> None:
    while True:
        header = sock.recv(HEADER)
        handle(len(header))
        while HEADER > len(header):
            rest = sock.recv(HEADER - len(header))
            if len(rest) == 0:
                raise ConnectionError("peer closed")
            header += rest
        handle(header)


def pump_sized(sock: socket.socket, size: int, handle) -> None:
    while True:
        block = sock.recv(size)
        while len(block) < size:
            more = sock.recv(size - len(block))
            if not more:
                raise EOFError
            block += more
        handle(block)
