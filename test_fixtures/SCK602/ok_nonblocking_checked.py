# SCK602 ok: a non-blocking connect_ex() whose immediate result is checked before waiting and reading SO_ERROR.
import errno
import os
import select
import socket


def connect_nonblocking(addr, timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    rc = sock.connect_ex(addr)
    if rc not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
        sock.close()
        raise OSError(rc, os.strerror(rc))
    if rc != 0:
        _, writable, _ = select.select([], [sock], [], timeout)
        if not writable:
            sock.close()
            raise TimeoutError("connect timed out")
        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err != 0:
            sock.close()
            raise OSError(err, os.strerror(err))
    return sock
