# SCK501 ok: an accept drain loop inside a try whose handler returns to the event loop, which
# calls it again on the next readiness event: an aborted connection costs nothing.
import errno
import socket

from .compat import ACCEPT_ERRNOS

_WOULD_BLOCK = (errno.EAGAIN, errno.EWOULDBLOCK, errno.ECONNABORTED)


class Acceptor:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.setblocking(False)

    def on_readable(self, spawn) -> None:
        try:
            while True:
                conn, _ = self.sock.accept()
                spawn(conn)
        except socket.error as e:
            if e.errno in _WOULD_BLOCK:
                return
            raise

    def on_readable_split(self, spawn) -> None:
        try:
            while True:
                conn, _ = self.sock.accept()
                spawn(conn)
        except BlockingIOError:
            return
        except OSError as e:
            if e.errno == errno.ECONNABORTED:
                return
            raise


def drain(listener: socket.socket, spawn) -> None:
    try:
        while True:
            conn, _ = listener.accept()
            spawn(conn)
    except OSError as e:
        if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
            return
        if e.errno in ACCEPT_ERRNOS:  # imported: may hold ECONNABORTED
            return
        raise
