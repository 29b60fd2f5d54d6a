# SCK101 ok: loops that end at a deadline read through a name the body sets from the clock
# before testing it: `remaining = deadline - time.monotonic()` then `if remaining <= 0:
# break`, or a budget the body takes the time passed from, `timeout -= time.time() -
# begin` then `if timeout <= 0: break`. At end of file they spin until the deadline, then
# end. So does a wall-clock deadline read as seconds, `(datetime.now() -
# start).total_seconds()`.
import select
import time
from datetime import datetime


def read_until(sock, marker, timeout):
    deadline = time.monotonic() + timeout
    data = b""
    while marker not in data:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        ready, _, _ = select.select([sock], [], [], remaining)
        if ready:
            data += sock.recv(1024)
    return data


def read_some(sock, size, timeout):
    data = b""
    begin = time.time()
    while size > 0:
        ready = select.select([sock], [], [], timeout)
        if ready[0]:
            data += sock.recv(size)
        size -= len(data)
        timeout -= time.time() - begin
        if timeout <= 0:
            break
    return data


def read_hello(conn):
    # a wall-clock deadline read as seconds: (datetime.now() - start).total_seconds()
    start = datetime.now()
    data = b""
    while not data.endswith(b"\x0e\x00\x00\x00"):
        elapsed = datetime.now() - start
        if elapsed.total_seconds() > 5.0:
            return None
        data += conn.recv(4096)
    return data


def read_records(conn):
    start = datetime.now()
    records = b""
    while True:
        if (datetime.now() - start).total_seconds() > 5.0:
            return records
        records += conn.recv(4096)
