# SCK301 flag: connect_ex() whose result is compared with EINPROGRESS/EWOULDBLOCK is a non-blocking connect, even on a parameter.
import errno
import select
import socket


def begin_connect(sock: socket.socket, addr) -> bool:
    """Start connecting; return True when the connection completed at once."""
    rc = sock.connect_ex(addr)  # expect: SCK301
    if rc == 0:
        return True
    if rc in (errno.EINPROGRESS, errno.EWOULDBLOCK):
        return False
    raise OSError(rc, errno.errorcode.get(rc, "connect failed"))


def finish_connect(sock: socket.socket, timeout: float) -> bool:
    _, writable, _ = select.select([], [sock], [], timeout)
    return bool(writable)
