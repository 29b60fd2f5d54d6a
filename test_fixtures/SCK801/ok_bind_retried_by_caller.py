# SCK801 ok: the bind() is in a helper that does not handle its error, and every call of
# the helper is inside a try, in a loop, whose OSError handler waits and goes round: a port
# held in TIME_WAIT after a restart only delays the start.
import socket
import time


class Transport:
    def __init__(self, port: int) -> None:
        self.port = port
        self.sock = socket.socket()

    def _listen(self) -> None:
        self.sock.bind(("", self.port))
        self.sock.listen()

    def start(self) -> None:
        while True:
            try:
                self._listen()
                break
            except OSError:
                time.sleep(1)


def open_listener(port: int) -> socket.socket:
    listener = socket.socket()
    listener.bind(("", port))
    listener.listen()
    return listener


def start(port: int) -> socket.socket:
    while True:
        try:
            return open_listener(port)
        except OSError as error:
            print("waiting for the port:", error)
            time.sleep(1)
