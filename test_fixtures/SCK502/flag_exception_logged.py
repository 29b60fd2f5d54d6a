# SCK502 flag: `except Exception` that logs and falls through to the next accept() (self._sock), no errno test, no back-off.
import logging
import socket
import threading

log = logging.getLogger(__name__)


class Acceptor(threading.Thread):
    def __init__(self, port: int, pool) -> None:
        super().__init__(daemon=True)
        self._sock = socket.create_server(("", port), backlog=256)
        self._pool = pool
        self._stopping = threading.Event()

    def run(self) -> None:
        while not self._stopping.is_set():
            try:
                conn, addr = self._sock.accept()  # expect: SCK502
            except Exception:
                log.exception("accept failed")
            else:
                self._pool.submit(self._serve, conn, addr)

    def _serve(self, conn: socket.socket, addr) -> None:
        with conn:
            conn.sendall(b"hello\r\n")
