# SCK101 ok (SCK701 and SCK102 too): with a Python 3 target (the default), a read that only
# runs after the same function sent a str is never reached there: send() and sendall() take
# bytes, and the str raises TypeError first (Python 2 code).
import socket
import struct


class Engine:
    def __init__(self, host: str, port: int) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect((host, port))

    def command(self, line: str) -> bytes:
        self.sock.sendall("{0}\n".format(line))
        result = []
        while True:
            data = self.sock.recv(65536)
            result.append(data)
            if data.endswith(b"\n\n"):
                break
        return b"".join(result)

    def status(self) -> bytes:
        request = "STATUS\r\n"
        self.sock.send(request)
        reply = b""
        while not reply.endswith(b"\n"):
            reply += self.sock.recv(4096)
        return reply


def talk(host: str, port: int, message: str) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    sock.send("%s\r\n" % message)
    return sock.recv(1024)


def trailer(sock: socket.socket) -> int:
    sock.sendall("TRAILER\r\n")
    block = sock.recv(64)
    return struct.unpack("!I", block[60:64])[0]


class Bot:
    """The read loop runs after a method of the class that opens with a str send."""

    def __init__(self, host: str, port: int, nick: str) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.address = (host, port)
        self.nick = nick

    def connect(self) -> None:
        self.sock.connect(self.address)
        self.sock.send("NICK %s\r\n" % self.nick)
        self.sock.send("USER %s 0 * :bot\r\n" % self.nick)

    def run(self, out) -> None:
        self.connect()
        buffer = b""
        while True:
            buffer += self.sock.recv(1024)
            out.write(buffer)
