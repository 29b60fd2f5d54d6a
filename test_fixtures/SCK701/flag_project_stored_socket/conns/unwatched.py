# Look-alikes of a watchdog that keep no receive timeout: a rate limiter that compares the
# clock with the time of its own last send, and a reconnect loop that sleeps and closes
# around the reads (its reads still wait for ever on a vanished peer).
import socket
import time


class ThrottledLink:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self._last_send = 0.0

    def _connect(self) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.connect((self.host, self.port))  # expect: SCK701

    def send(self, line: bytes) -> None:
        if time.time() - self._last_send < 0.5:
            time.sleep(0.5)
        self._sock.sendall(line)
        self._last_send = time.time()

    def loop(self, handle) -> None:
        self._connect()
        while True:
            data = self._sock.recv(4096)
            if not data:
                break
            handle(data)


class RetryingLink:
    def __init__(self, address) -> None:
        self.address = address
        self.running = True

    def _read_all(self, handle) -> None:
        while True:
            data = self._sock.recv(4096)
            if not data:
                return
            handle(data)

    def run(self, handle) -> None:
        while self.running:
            try:
                self._sock = socket.create_connection(self.address)  # expect: SCK701
                self._read_all(handle)
            except OSError:
                self._sock.close()
                time.sleep(5)
