# SCK101 lookalike: a user class with its own recv(max_frames) that raises EOFError; the wrapped socket's loop tests EOF.
import socket
import struct
from typing import List


class FramedConnection:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._buf = b""

    def recv(self, max_frames: int = 1) -> List[bytes]:
        frames: List[bytes] = []
        while len(frames) < max_frames:
            if len(self._buf) >= 4:
                (size,) = struct.unpack("!I", self._buf[:4])
                if len(self._buf) >= 4 + size:
                    frames.append(self._buf[4:4 + size])
                    self._buf = self._buf[4 + size:]
                    continue
            chunk = self._sock.recv(4096)
            if not chunk:
                raise EOFError("peer closed the connection")
            self._buf += chunk
        return frames


def consume(raw: socket.socket, handle) -> None:
    conn = FramedConnection(raw)
    while True:
        frames = conn.recv(16)
        for frame in frames:
            handle(frame)
