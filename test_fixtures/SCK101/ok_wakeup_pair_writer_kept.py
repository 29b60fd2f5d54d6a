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


# The pair made once at module level and read by a module function: no function of the
# module rebinds the global, and the writer is only ever written to.
UPDATE_WRITER, UPDATE_READER = socket.socketpair()


def notify_update() -> None:
    UPDATE_WRITER.send(b"update")


def event_loop(sel: selectors.BaseSelector) -> None:
    sel.register(UPDATE_READER, selectors.EVENT_READ)
    while True:
        for key, _ in sel.select():
            if key.fileobj is UPDATE_READER:
                UPDATE_READER.recv(1024)
