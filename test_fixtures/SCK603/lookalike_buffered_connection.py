# SCK603 lookalike: a user connection class whose sendall() only queues data for a writer thread; setblocking() is its own too.
import queue
import socket
import threading


class BufferedConnection:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._queue: "queue.Queue[bytes]" = queue.Queue()
        self._blocking = True
        threading.Thread(target=self._writer, daemon=True).start()

    def setblocking(self, flag: bool) -> None:
        self._blocking = flag

    def sendall(self, data: bytes) -> None:
        self._queue.put(bytes(data), block=self._blocking)

    def _writer(self) -> None:
        while True:
            self._sock.sendall(self._queue.get())


def announce(raw: socket.socket) -> None:
    conn = BufferedConnection(raw)
    conn.setblocking(False)
    conn.sendall(b"hello\n")
