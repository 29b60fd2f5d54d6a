# SCK601 lookalike: generator/coroutine .send() and a user class with its own send(); none of them is a socket.
import socket
from typing import Generator, List

# Every socket made here is in timeout mode: only their not being sockets keeps these
# send() calls quiet.
socket.setdefaulttimeout(30)


def line_parser(sink: List[bytes]) -> Generator[None, bytes, None]:
    buf = b""
    while True:
        buf += yield
        *lines, buf = buf.split(b"\n")
        sink.extend(lines)


def feed(chunks) -> List[bytes]:
    lines: List[bytes] = []
    parser = line_parser(lines)
    next(parser)
    for chunk in chunks:
        parser.send(chunk)
    return lines


class Outbox:
    def __init__(self) -> None:
        self.items: List[bytes] = []

    def send(self, payload: bytes) -> None:
        self.items.append(payload)


def queue_greeting() -> Outbox:
    conn = Outbox()
    conn.send(b"hello\n")
    return conn
