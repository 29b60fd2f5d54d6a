# Sends, some to sockets in timeout mode, some to project objects that write everything.
import signal
import socket
from typing import Optional

from relay.net import BaseLink, FramedStream, Stream, dial as connect


def _on_alarm(signum, frame):
    pass


signal.signal(signal.SIGALRM, _on_alarm)  # a handled signal can cut a blocking send short


def forward(host, payload: bytes):
    link = connect(host, 7000)
    link.settimeout(5)
    link.send(payload)  # expect: SCK601


class Peer(BaseLink):
    def push(self, payload: bytes):
        self.sock.send(payload)  # expect: SCK601

    def push_property(self, payload: bytes):
        self._socket.send(payload)  # expect: SCK601


# ---- project objects whose send() writes everything: silent ----------------------------

class Session:
    def __init__(self, raw: socket.socket):
        raw.settimeout(5)
        self.sock = Stream(raw)
        self.socket: "FramedStream | None" = None

    def push(self, payload: bytes):
        self.sock.send(payload)

    def push_framed(self, payload: bytes):
        self.socket.send(payload)


def push_annotated(conn: Optional[FramedStream], payload: bytes):
    conn.send(payload)


def push_made(raw, payload: bytes):
    sock = FramedStream(raw)
    sock.send(payload)
