# SCK101 flag: length tests that do not see an empty read: a length recorded only on some
# passes (after data has come, it is stale and the test never holds again), a comparison
# with a number fixed before the loop, and one that does not leave the loop.
import socket


def stale(conn: socket.socket, size: int, verbose: bool) -> bytes:
    seen = 0
    buf = b""
    while len(buf) < size:
        buf += conn.recv(size)  # expect: SCK101
        if len(buf) == seen:
            break
        if verbose:
            seen = len(buf)
    return buf


def fixed(conn: socket.socket, size: int) -> bytes:
    start = 0
    buf = b""
    while len(buf) < size:
        buf += conn.recv(size)  # expect: SCK101
        if len(buf) == start:
            break
    return buf


def logged(conn: socket.socket, size: int) -> bytes:
    buf = b""
    while len(buf) < size:
        before = len(buf)
        buf += conn.recv(size)  # expect: SCK101
        if len(buf) == before:
            print("nothing new")
    return buf



def padded(conn: socket.socket) -> bytes:
    # the accumulator grows by a separator every pass too: after an empty read its length
    # still moves, and the test never holds
    buf = b""
    before = 0
    while True:
        buf += b"|"
        buf += conn.recv(1024)  # expect: SCK101
        if len(buf) == before:
            break
        before = len(buf)
        if buf.endswith(b"\n|"):
            return buf
    return buf
