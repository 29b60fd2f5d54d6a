# SCK101 ok: the loop leaves when a read added nothing to the accumulator: `len(buf) ==
# before`, where the loop's own body sets `before = len(buf)` every pass. At end of file the
# read returns b"", the length stays, and the loop raises or breaks: no spin.
import socket


def receive(conn: socket.socket, size: int) -> bytes:
    received = 0
    buf = bytes()
    while received < size:
        buf += conn.recv(size - received)
        if len(buf) == received:
            raise ConnectionError("closed by the peer")
        received = len(buf)
    return buf


def receive_until(conn: socket.socket, marker: bytes) -> bytes:
    data = b""
    while marker not in data:
        before = len(data)
        data += conn.recv(1024)
        if before >= len(data):
            break
    return data
