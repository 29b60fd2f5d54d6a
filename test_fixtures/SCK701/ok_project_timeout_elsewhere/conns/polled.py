"""A connection whose only read waits for readiness with a timeout, in a class that hands
``self`` to a poller thread of this module. The poller keeps the object and only calls its
methods (``send``, which writes), so nothing out of the class's sight reads the socket."""
import select
import socket
import threading
import time


class Relays(threading.Thread):
    def __init__(self, host: str, port: int) -> None:
        threading.Thread.__init__(self, target=self)
        self.host = host
        self.port = port
        self.sock = None
        self.connect()
        self.poller = Poller(self, 2.0)
        self.poller.start()

    def connect(self) -> None:
        try:
            self.sock = socket.create_connection((self.host, self.port))
        except ConnectionError:
            self.sock = None

    def send(self, command: str) -> bool:
        try:
            self.sock.send((command + "\r").encode())
            return True
        except (ConnectionError, AttributeError):
            self.sock = None
            return False

    def run(self) -> None:
        while True:
            if self.sock is None:
                time.sleep(2.0)
                self.connect()
                continue
            readable, _, _ = select.select([self.sock], [], [], 2.0)
            if len(readable) != 0:
                byte = self.sock.recv(1)
                if not byte:
                    return
                print(byte)


class Poller(threading.Thread):
    def __init__(self, relays: Relays, delay: float) -> None:
        super().__init__()
        self._relays = relays
        self._delay = delay

    def run(self) -> None:
        while True:
            self._relays.send("R0")
            time.sleep(self._delay)
