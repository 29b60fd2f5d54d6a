# SCK601 flag: send() statements where the socket may be in timeout or non-blocking mode on the
# path to the call; there send() writes what fits in the send buffer and returns the count.
import socket
import struct

CONTROL = socket.create_connection(("localhost", 9000), timeout=5)


def upload(host: str, port: int, path: str) -> None:
    sock = socket.create_connection((host, port), timeout=30)
    with open(path, "rb") as f:
        sock.send(f.read())  # expect: SCK601


def upload_keyword(host: str, port: int, blob: bytes) -> None:
    with socket.create_connection(address=(host, port), timeout=30.0) as sock:
        sock.send(blob)  # expect: SCK601


def push(conn: socket.socket, blob: bytes) -> None:
    conn.settimeout(2.5)
    conn.send(blob)  # expect: SCK601


def push_nonblocking(conn: socket.socket, blob: bytes) -> None:
    conn.setblocking(False)
    try:
        conn.send(blob)  # expect: SCK601
    except BlockingIOError:
        pass


def push_zero_timeout(conn: socket.socket, blob: bytes) -> None:
    conn.settimeout(0)
    try:
        conn.send(blob)  # expect: SCK601
    except BlockingIOError:
        pass


def push_maybe(conn: socket.socket, blob: bytes, timeout=None) -> None:
    # timeout mode on one path only: the send() can still be short on that path
    if timeout:
        conn.settimeout(timeout)
    conn.send(blob)  # expect: SCK601


def push_with_send_timeout(conn: socket.socket, blob: bytes) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 5, 0))
    try:
        conn.send(blob)  # expect: SCK601
    except BlockingIOError:
        pass


def command(payload: bytes) -> None:
    CONTROL.send(payload)  # expect: SCK601

