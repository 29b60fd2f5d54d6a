# SCK601 ok (from real code): the self-pipe wake-up byte is sent whole or not at all.
import socket


class Waker:
    def __init__(self) -> None:
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)

    def wake(self) -> None:
        try:
            self._writer.send(b"\x00")
        except (BlockingIOError, OSError):
            pass

    def wake_blocking(self) -> None:
        self._writer.setblocking(True)
        self._writer.send(b"*")
