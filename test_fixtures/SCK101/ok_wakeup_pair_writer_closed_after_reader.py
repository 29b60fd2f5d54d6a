# SCK101 ok: the write end of the pair is closed only as the statement right after the read
# end: from then on recv() on the read end raises (EBADF, a closed socket) instead of
# returning b"", and the drain loop ends.
import socket


class Client:
    def __init__(self) -> None:
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)

    def wakeup(self) -> None:
        self._wake_w.sendall(b"x")

    def close(self) -> None:
        self._wake_r.close()
        self._wake_w.close()

    def clear_wake_fd(self) -> None:
        while True:
            try:
                self._wake_r.recv(1024)
            except OSError:
                break
