# SCK201 ok: contextlib.suppress(BlockingIOError) and an `except (BlockingIOError, ConnectionError)` that just stop are guards;
# so is `except Exception or socket.error:`, which catches Exception (the value of `A or B` is A),
# and `except io.BlockingIOError:`, the built-in class that io re-exports.
import contextlib
import io
import socket


class SelfPipe:
    def __init__(self) -> None:
        self._rsock, self._wsock = socket.socketpair()
        self._rsock.setblocking(False)
        self._wsock.setblocking(False)

    def clear(self) -> None:
        with contextlib.suppress(BlockingIOError):
            while self._rsock.recv(4096):
                pass

    def wake(self) -> bool:
        try:
            return self._wsock.send(b"\0") == 1
        except (BlockingIOError, ConnectionError):
            return False


def poke(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.send(b"\0") == 1
    except Exception or socket.error:
        return False


def drain(sock: socket.socket) -> bytes:
    sock.setblocking(False)
    try:
        return sock.recv(4096)
    except io.BlockingIOError:
        return b""
