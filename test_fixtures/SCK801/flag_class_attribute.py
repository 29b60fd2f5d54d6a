# SCK801 flag: self.sock created in __init__, bound and listened in start(), and the class never sets SO_REUSEADDR on it.
import logging
import socket
import threading

log = logging.getLogger(__name__)


class EchoServer:
    def __init__(self, host: str, port: int) -> None:
        self.address = (host, port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(1.0)
        self.stopped = threading.Event()

    def start(self) -> None:
        self.sock.bind(self.address)  # expect: SCK801
        self.sock.listen(16)
        log.info("listening on %s:%d", *self.address)

    def serve_forever(self, spawn) -> None:
        while not self.stopped.is_set():
            try:
                conn, addr = self.sock.accept()
            except socket.timeout:
                continue
            except ConnectionAbortedError:
                continue
            spawn(conn, addr)
