# SCK301 ok: after a non-blocking connect_ex(), getpeername() (ENOTCONN on failure) is an accepted alternative to SO_ERROR.
import errno
import select
import socket


def connect_nb(addr, timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    rc = sock.connect_ex(addr)
    if rc not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
        sock.close()
        raise OSError(rc, errno.errorcode.get(rc, "connect failed"))
    _, writable, failed = select.select([], [sock], [sock], timeout)
    if not (writable or failed):
        sock.close()
        raise TimeoutError(f"connect to {addr} timed out")
    try:
        sock.getpeername()
    except OSError:
        sock.close()
        raise ConnectionError(f"connect to {addr} failed") from None
    return sock
