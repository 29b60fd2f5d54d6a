"""A thread class that connects in its constructor (after the thread's own constructor,
which is handed ``self`` but sets only the thread's attributes) and reads only right after a
readiness wait with a timeout."""
import select
import socket
from threading import Thread


class Listener(Thread):
    def __init__(self, host: str, port: int) -> None:
        Thread.__init__(self)
        self.host = host
        self.port = port
        self._socket = None
        self._running = True
        self._connect()

    def _connect(self) -> None:
        self._socket = socket.create_connection((self.host, self.port))

    def run(self) -> None:
        while self._running:
            readable, _, _ = select.select([self._socket], [], [], 1.0)
            if len(readable) != 0:
                byte = self._socket.recv(1)
                if not byte:
                    return
                print(byte)
