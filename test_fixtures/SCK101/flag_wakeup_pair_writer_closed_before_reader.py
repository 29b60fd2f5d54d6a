# SCK101 flag: the write end is closed first (or with other statements between the two
# closes): until the read end is closed, recv() on it returns b"" at once, every time, and a
# drain loop running in another thread spins.
import socket
import time


class Client:
    def __init__(self) -> None:
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)

    def wakeup(self) -> None:
        self._wake_w.sendall(b"x")

    def close(self) -> None:
        self._wake_w.close()
        time.sleep(1.0)
        self._wake_r.close()

    def clear_wake_fd(self) -> None:
        while True:
            try:
                self._wake_r.recv(1024)  # expect: SCK101
            except OSError:
                break
