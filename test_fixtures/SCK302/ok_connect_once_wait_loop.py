# SCK302 ok: one non-blocking connect() before the loop; the loop only waits for writability, then SO_ERROR is read once.
import os
import select
import socket
import time


def connect_nb(addr, timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        sock.connect(addr)
    except BlockingIOError:
        pass
    deadline = time.monotonic() + timeout
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            sock.close()
            raise TimeoutError(f"connect to {addr} timed out")
        _, writable, failed = select.select([], [sock], [sock], remaining)
        if writable or failed:
            break
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err:
        sock.close()
        raise OSError(err, os.strerror(err))
    return sock
