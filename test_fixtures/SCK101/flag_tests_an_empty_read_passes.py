# SCK101 flag: the read is tested, but an empty read passes the test and goes round the loop:
# a loop condition that b"" keeps true (`!= b"\n"`, `len(x) != 4`, `not x.endswith(...)`),
# and an `if` that leaves only when data came (`if data: break`, `if len(x) == 4: return`).
import socket


def read_line(sock: socket.socket) -> bytes:
    line = b""
    char = sock.recv(1)
    while char != b"\n":
        line += char
        char = sock.recv(1)  # expect: SCK101
    return line


def read_header(sock: socket.socket) -> bytes:
    header = b""
    while len(header) != 4:
        header = sock.recv(4)  # expect: SCK101
    return header


def read_reply(sock: socket.socket) -> bytes:
    reply = b""
    while not reply.endswith(b"\r\n"):
        reply = sock.recv(64)  # expect: SCK101
    return reply


def wait_for_data(sock: socket.socket) -> bytes:
    while True:
        data = sock.recv(1024)  # expect: SCK101
        if data:
            break
    return data


def wait_for_word(sock: socket.socket) -> int:
    while True:
        word = sock.recv(4)  # expect: SCK101
        if len(word) == 4:
            return int.from_bytes(word, "big")


def read_printable(sock, out):
    # b"".isprintable() is True: the test lets an empty read through
    while True:
        c = sock.recv(1)  # expect: SCK101
        if not c.decode().isprintable():
            break
        out.append(c)
