# SCK101 ok: draining the read end of a socketpair() wake-up pipe whose write end the same code
# only ever writes to: EOF would need the program to close its own writer.
import selectors
import socket


class Worker:
    def __init__(self) -> None:
        self._send_wakeup, self._receive_wakeup = socket.socketpair()
        self._receive_wakeup.setblocking(False)

    def wake(self) -> None:
        self._send_wakeup.send(b"\x01")

    def _drain_wakeup(self) -> None:
        while True:
            try:
                self._receive_wakeup.recv(32)
            except BlockingIOError:
                return

    def run(self, sel: selectors.BaseSelector) -> None:
        sel.register(self._receive_wakeup, selectors.EVENT_READ, self._drain_wakeup)
