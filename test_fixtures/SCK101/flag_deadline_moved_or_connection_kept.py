# SCK101 flag: a deadline the loop moves on every pass, a clock test that never ends the
# loop, and a connection made once and read on every pass.
import socket
import time


def moving(s: socket.socket, t: float) -> bytes:
    end = time.time() + t
    buf = b""
    while time.time() < end:
        buf += s.recv(1024)  # expect: SCK101
        end = time.time() + t
    return buf


def wrong_way(s: socket.socket, end: float) -> bytes:
    buf = b""
    while time.time() > end:
        buf += s.recv(1024)  # expect: SCK101
    return buf


def reused(host: str) -> None:
    s = socket.create_connection((host, 80), timeout=5)
    while True:
        data = s.recv(1024)  # expect: SCK101
        print(data)


def ticks_wrong_way(s: socket.socket, deadline: int) -> bytes:
    # MicroPython ticks: `ticks_diff(now, deadline) > 0` holds once the deadline has
    # passed, so as the loop's test it never ends the loop
    buf = b""
    while time.ticks_diff(time.ticks_ms(), deadline) > 0:
        buf += s.recv(1024)  # expect: SCK101
    return buf
