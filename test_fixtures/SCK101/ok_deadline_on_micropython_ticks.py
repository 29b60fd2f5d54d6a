# SCK101 ok: loops that end at a deadline measured with MicroPython's tick counters
# (`time.ticks_ms()`, `utime.ticks_us()`), compared through `time.ticks_diff(a, b)`, which
# is `a - b`, or with a deadline made by `time.ticks_add(now, ms)`. At end of file they
# spin until the deadline, then end.
import socket
import time

import utime


def read_packet(sock: socket.socket, timeout_ms: int):
    deadline = time.ticks_add(time.ticks_ms(), timeout_ms)
    buf = b""
    while True:
        if len(buf) >= 4:
            return buf
        if time.ticks_diff(time.ticks_ms(), deadline) >= 0:
            return None
        data = sock.recv(256)
        if data:
            buf += data


def read_for(sock: socket.socket, budget_us: int) -> bytes:
    start = utime.ticks_us()
    buf = b""
    while utime.ticks_diff(utime.ticks_us(), start) < budget_us:
        buf += sock.recv(64)
    return buf
