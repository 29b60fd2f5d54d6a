# SCK101 ok: tests that an empty read makes leave the loop: the loop condition is false for
# b"" (`while data`, `len(x) > 0`), the `if` that leaves is true for it (`if not data`,
# `if char != b"x": break` when b"" differs from the byte awaited), or an `else` leaves.
import socket
import time


def read_all(sock: socket.socket) -> bytes:
    chunks = []
    data = sock.recv(4096)
    while data:
        chunks.append(data)
        data = sock.recv(4096)
    return b"".join(chunks)


def read_while_some(sock: socket.socket) -> bytes:
    out = b""
    chunk = sock.recv(1024)
    while len(chunk) > 0:
        out += chunk
        chunk = sock.recv(1024)
    return out


def skip_padding(sock: socket.socket) -> bytes:
    while True:
        char = sock.recv(1)
        if char != b"\0":
            return char


def wait_for_data(sock: socket.socket) -> bytes:
    while True:
        data = sock.recv(1024)
        if data:
            break
        else:
            raise ConnectionError("closed")
    return data


def poll(sock: socket.socket, out) -> None:
    # a non-blocking socket polled at 50 Hz: an empty read is skipped, and the loop sleeps
    while True:
        try:
            data = sock.recv(1000)
        except BlockingIOError:
            time.sleep(0.02)
            continue
        if data:
            out.write(data)
        time.sleep(0.02)


def read_within(sock: socket.socket, expected: int, timeout: float) -> bytes:
    # a time limit that only data moves: an empty read runs into it
    rx = b""
    begin = time.monotonic()
    while len(rx) < expected:
        if time.monotonic() - begin > timeout:
            break
        chunk = sock.recv(expected - len(rx))
        if chunk:
            begin = time.monotonic()
            rx += chunk
    return rx
