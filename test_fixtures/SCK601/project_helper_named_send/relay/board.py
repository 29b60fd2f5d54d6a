"""SCK601 project fixture: a send helper named like the socket method it calls. The
``self.sock.send(...)`` inside it hands the data on to the socket and is no caller of the
helper; the helper's callers all compose short commands, which a socket in timeout mode
takes whole."""
import socket


class Board:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.create_connection((host, port), timeout=5.0)

    def send(self, data: str) -> None:
        self.sock.send(data.encode("ascii"))

    def state(self, port: int) -> str:
        self.send(f"getstate,{port}\r")
        return self.sock.recv(256).decode("ascii")

    def switch(self, port: int, on: bool) -> None:
        self.send("setstate,%d,%d\r" % (port, int(on)))
