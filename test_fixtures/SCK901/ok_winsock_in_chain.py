# SCK901 ok: a Winsock number tested next to another spelling of the same error in a chain of
# comparisons joined by `and`/`or`. No other platform reports 10048 or 10054, and on Windows
# the number is what the error is. WSAENOTSOCK (10038) is how Windows reports an operation on
# a socket already closed, where POSIX systems report EBADF (9, the same everywhere).
import errno
import socket


def open_with_retries(sock: socket.socket, address) -> None:
    try:
        sock.bind(address)
    except OSError as e:
        if e.errno != errno.EADDRINUSE and e.errno != 10048:
            raise


def read_or_none(sock: socket.socket):
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == errno.ECONNRESET or e.errno == 10054:
            return None
        raise


def disconnect(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError as e:
        # already closed: [Errno 9] Bad file descriptor, or [WinError 10038] on Windows
        if e.errno != 9 and e.errno != 10038:
            raise
    sock.close()
