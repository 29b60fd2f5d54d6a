# SCK101 flag: an exit on a counter counts only when the comparison alone leaves the loop
# and no `continue` before it can skip it: a counter test joined by `and` to something
# else, one behind a `continue`, or one nested under another test, is no bound; nor is a
# value flipped between two (`side = 1 - side`).
import socket


def read_joined(sock: socket.socket, ready) -> bytes:
    blob = b""
    count = 0
    while True:
        blob += sock.recv(1024)  # expect: SCK101
        count += 1
        if count >= 16 and ready():
            break
    return blob


def read_skipped(sock: socket.socket) -> bytes:
    blob = b""
    count = 0
    while True:
        part = sock.recv(1024)  # expect: SCK101
        blob += part
        if len(blob) < 4:
            continue
        count += 1
        if count == 5:
            break
    return blob


def read_nested(sock: socket.socket, strict: bool) -> bytes:
    blob = b""
    count = 0
    while True:
        blob += sock.recv(1024)  # expect: SCK101
        count += 1
        if strict:
            if count == 5:
                break
    return blob


def toggled(sock, out):
    # ``side = 1 - side`` flips between two values: no counter, no bound
    side = 0
    while True:
        data = sock.recv(1024)  # expect: SCK101
        out[side].append(data)
        side = 1 - side
        if side == 5:
            break
