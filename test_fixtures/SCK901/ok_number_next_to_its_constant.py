# SCK901 ok: a number listed next to the errno constant of the error it means on Linux or on macOS/BSD: the constant catches that error on every platform, so the number never decides whether the handler runs for it.
import errno
import socket


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if e.errno in (errno.EAGAIN, 35):
            return 0
        if e.errno == errno.ECONNRESET or e.errno == 104:
            return -1
        raise


def finish_connect(sock: socket.socket) -> bool:
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err in (errno.EINPROGRESS, 115, 36):
        return False
    return err == 0
