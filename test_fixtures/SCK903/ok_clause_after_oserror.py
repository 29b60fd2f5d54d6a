# SCK903 ok: on Python 3 select.error and socket.error are OSError, so a clause naming them
# after `except OSError` in the same try never runs (code kept from Python 2, where they were
# separate classes); indexing the error there cannot crash anything.
import errno
import select
import socket


def wait_readable(sock: socket.socket, timeout: float) -> bool:
    try:
        ready, _, _ = select.select([sock], [], [], timeout)
    except OSError as e:
        if e.errno != errno.EINTR:
            raise
        return False
    except select.error as e:
        if e[0] != errno.EINTR:
            raise
        return False
    return bool(ready)


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except (ConnectionResetError, OSError):
        return b""
    except socket.error as e:
        print("unreachable", e[0])
        return b""
