# SCK101 ok: loops that cannot read one connection's end of file for ever: the loop ends
# at a deadline fixed before it (its condition compares a clock with values the loop does
# not change, or a statement of its body leaves it once the deadline has passed), or each
# pass reads a connection of its own, made in that pass.
import socket
import time


def deadline_loop(s: socket.socket, t: float) -> bytes:
    end = time.time() + t
    buf = b""
    while time.time() < end:
        buf += s.recv(1024)
        if b"\n" in buf:
            return buf
    return buf


def until(s: socket.socket, t: float) -> bytes:
    start = time.monotonic()
    buf = b""
    while True:
        if time.monotonic() - start > t:
            break
        buf += s.recv(1024)
    return buf


def poll(host: str) -> None:
    while True:
        s = socket.create_connection((host, 80), timeout=5)
        data = s.recv(1024)
        print(data)
        s.close()


def serve(srv: socket.socket) -> None:
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        data = conn.recv(1024)  # expect: SCK402
        print(data)
