# SCK601 ok: `socket.socket` in an annotation says a socket, not which kind; the class binds
# the attribute only to sockets its factories make with SOCK_RAW or SOCK_DGRAM (one message
# per send, sent whole or not at all; a conditional expression binds one arm or the other),
# so its sends are datagram sends, through `self` and through a parameter annotated with
# the class. (A signal handler is installed, so a blocking send could be cut short: the
# kind alone decides.)
from __future__ import annotations

import signal
import socket

CAN_ISOTP = getattr(socket, "CAN_ISOTP", 6)


def open_raw(iface: str) -> socket.socket:
    s = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)
    s.bind((iface,))
    return s


def open_isotp(iface: str, tx: int, rx: int) -> socket.socket:
    s = socket.socket(socket.AF_CAN, socket.SOCK_DGRAM, CAN_ISOTP)
    try:
        s.bind((iface, rx, tx))
    except BaseException:
        s.close()
        raise
    return s


class Session:
    def __init__(self, iface: str) -> None:
        self.iface = iface
        self.sock: socket.socket | None = None

    def open(self, raw: bool, tx: int, rx: int) -> None:
        self.close()
        self.sock = open_raw(self.iface) if raw else open_isotp(self.iface, tx, rx)

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def request(self, payload: bytes) -> None:
        self.sock.send(payload, socket.MSG_DONTWAIT)


def send_payload(session: Session, payload: bytes) -> None:
    session.sock.send(payload, socket.MSG_DONTWAIT)


def send_raw(iface: str, frame: bytes) -> None:
    sock = open_raw(iface)
    sock.send(frame, socket.MSG_DONTWAIT)


def send_either(iface: str, raw: bool, frame: bytes) -> None:
    sock = open_raw(iface) if raw else open_isotp(iface, 1, 2)
    sock.send(frame, socket.MSG_DONTWAIT)


def on_resize(signum, frame) -> None:
    pass


signal.signal(signal.SIGWINCH, on_resize)
