# SCK601 flag: the class binds the attribute annotated `socket.socket` to a datagram socket
# on one path and to a stream connection on another: its sends may be stream sends, cut
# short by a signal handler or a full buffer.
from __future__ import annotations

import signal
import socket


def open_datagram(host: str, port: int) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.connect((host, port))
    return s


def open_stream(host: str, port: int) -> socket.socket:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    return s


class Link:
    def __init__(self) -> None:
        self.sock: socket.socket | None = None

    def open(self, host: str, port: int, reliable: bool) -> None:
        if reliable:
            self.sock = open_stream(host, port)
        else:
            self.sock = open_datagram(host, port)


def push_via(link: Link, payload: bytes) -> None:
    link.sock.send(payload, socket.MSG_DONTWAIT)  # expect: SCK601


def on_resize(signum, frame) -> None:
    pass


signal.signal(signal.SIGWINCH, on_resize)
