"""A class that hands ``self`` to a poller of this module which passes the object on
(``registry.append(relays)``): other code may then read the socket, out of sight."""
import select
import socket
import threading
import time

REGISTRY = []


class Relays(threading.Thread):
    def __init__(self, host: str, port: int) -> None:
        threading.Thread.__init__(self, target=self)
        self.host = host
        self.port = port
        self.sock = None
        self.connect()
        self.poller = Poller(self, 2.0)

    def connect(self) -> None:
        self.sock = socket.create_connection((self.host, self.port))  # expect: SCK701

    def send(self, command: str) -> None:
        self.sock.sendall((command + "\r").encode())

    def run(self) -> None:
        while True:
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
        REGISTRY.append(relays)

    def run(self) -> None:
        while True:
            self._relays.send("R0")
            time.sleep(self._delay)
