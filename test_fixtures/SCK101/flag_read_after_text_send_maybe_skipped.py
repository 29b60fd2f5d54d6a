# SCK101 flag: the str send may not run before the read (a branch, a `try` that catches the
# TypeError), or it comes after the read: the read runs on Python 3 and is checked as usual.
import socket


def pump(sock: socket.socket, greet: bool, out) -> None:
    if greet:
        sock.send("HELLO\r\n")
    while True:
        out.write(sock.recv(4096))  # expect: SCK101


def pump_guarded(sock: socket.socket, out) -> None:
    try:
        sock.send("HELLO\r\n")
    except TypeError:
        pass
    while True:
        out.write(sock.recv(4096))  # expect: SCK101


def pump_then_greet(sock: socket.socket, out) -> None:
    while True:
        out.write(sock.recv(4096))  # expect: SCK101
        sock.send("ACK\r\n")


class Bot:
    """The method may return before its str send: the read loop may run on Python 3."""

    def __init__(self, sock: socket.socket, nick: str) -> None:
        self.sock = sock
        self.nick = nick

    def login(self) -> None:
        if not self.nick:
            return
        self.sock.send("NICK %s\r\n" % self.nick)

    def run(self, out) -> None:
        self.login()
        while True:
            out.write(self.sock.recv(1024))  # expect: SCK101


class Relay:
    """A websocket's send() takes a str, and calling a generator method runs none of it:
    the reads that follow run on Python 3."""

    def __init__(self, sock: socket.socket, ws, nick: str) -> None:
        self.sock = sock
        self.ws = ws
        self.nick = nick

    def hello(self):
        self.sock.send("NICK %s\r\n" % self.nick)
        yield

    def run(self, out) -> None:
        self.ws.send("hello from " + self.nick)
        while True:
            out.write(self.sock.recv(1024))  # expect: SCK101

    def run_after_generator(self, out) -> None:
        self.hello()
        while True:
            out.write(self.sock.recv(1024))  # expect: SCK101
