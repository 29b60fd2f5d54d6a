# SCK302 flag: connect_ex() called again and again on the same non-blocking socket to poll whether the connection is up.
import errno
import os
import socket
import time


def connect_polling(addr, timeout: float = 5.0) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    deadline = time.monotonic() + timeout
    while True:
        rc = sock.connect_ex(addr)  # expect: SCK302
        if rc in (0, errno.EISCONN):
            return sock
        if rc not in (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK):
            sock.close()
            raise OSError(rc, os.strerror(rc))
        if time.monotonic() > deadline:
            sock.close()
            raise TimeoutError(f"connect to {addr} timed out")
        time.sleep(0.01)
