# SCK101 flag: once the write end of the pair is closed, recv() on the read end returns b""
# at once, every time, and the drain loop spins.
import socket


class Worker:
    def __init__(self) -> None:
        self._writer, self._reader = socket.socketpair()
        self._reader.setblocking(False)

    def close(self) -> None:
        self._writer.close()

    def drain(self) -> None:
        while True:
            try:
                self._reader.recv(32)  # expect: SCK101
            except BlockingIOError:
                return
