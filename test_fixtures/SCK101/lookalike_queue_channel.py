# SCK101 lookalike: a queue-backed class defines its own recv(timeout); instances named `conn` are not sockets.
import queue
import threading


class LocalConnection:
    """In-process stand-in for a network connection, used by the test harness."""

    def __init__(self) -> None:
        self._inbox: "queue.Queue[bytes]" = queue.Queue()
        self._outbox: "queue.Queue[bytes]" = queue.Queue()

    def recv(self, timeout=None) -> bytes:
        return self._inbox.get(timeout=timeout)

    def send(self, payload: bytes) -> None:
        self._outbox.put(payload)


def pump(conn: LocalConnection, handler, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            item = conn.recv(0.5)
        except queue.Empty:
            continue
        handler(item)


def ack_all() -> None:
    conn = LocalConnection()
    while True:
        try:
            msg = conn.recv(1.0)
        except queue.Empty:
            break
        conn.send(b"ack:" + msg)
