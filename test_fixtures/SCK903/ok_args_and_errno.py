# SCK903 ok: e.args[0] and e.errno work on Python 3; a rebound name and a nested function are
# not the exception.
import errno
import select
import socket


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except socket.error as e:
        if e.args[0] == errno.ECONNRESET or e.errno == errno.EPIPE:
            return b""
        raise


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        e = e.args
        if e[0] == errno.EAGAIN:
            return 0
        raise


def wait(sock: socket.socket) -> bool:
    try:
        select.select([sock], [], [], 1.0)
    except select.error as err:
        if isinstance(err, OSError):
            code = err.errno
        else:
            code = err[0]  # Python 2's select.error only
        if not hasattr(err, "errno"):
            code = err[0]
        try:
            code = err[0]
        except TypeError:
            code = err.errno
        return code == errno.EINTR
    return True
