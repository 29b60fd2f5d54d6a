# SCK903 flag: the indexing clause comes first, or an earlier clause catches only part of
# what it names, so it runs on Python 3 and crashes with TypeError.
import errno
import select
import socket


def wait_readable(sock: socket.socket, timeout: float) -> bool:
    try:
        ready, _, _ = select.select([sock], [], [], timeout)
    except select.error as e:
        if e[0] == errno.EBADF:  # expect: SCK903
            return False
        raise
    except OSError:
        return False
    return bool(ready)


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except ConnectionResetError:
        return b""
    except socket.error as e:
        print("read failed", e[0])  # expect: SCK903
        return b""
