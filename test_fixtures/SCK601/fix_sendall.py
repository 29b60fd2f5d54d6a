# SCK601 fix: send() becomes sendall() on sockets not known to be non-blocking: here a
# socket in timeout mode. Not on a non-blocking socket, one with SO_SNDTIMEO, or an async
# library's socket (whose send() has no sendall() twin).
import socket
import struct

import trio  # noqa: F401  (the awaited send below is a trio socket's)


def reply(conn: socket.socket, status: str, body: bytes) -> None:
    conn.settimeout(30)
    conn.send(status.encode())  # expect: SCK601
    conn.send(body)  # expect: SCK601


def no_fix(conn: socket.socket, body: bytes) -> None:
    conn.setblocking(False)
    try:
        conn.send(body)  # expect: SCK601
    except BlockingIOError:
        pass


def with_send_timeout(conn: socket.socket, body: bytes) -> None:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 5, 0))
    try:
        conn.send(body)  # expect: SCK601
    except BlockingIOError:
        pass


class Pusher:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def start(self) -> None:
        self.sock.setblocking(False)

    def push(self, data: bytes) -> None:
        try:
            self.sock.send(data)  # expect: SCK601
        except BlockingIOError:
            pass


async def async_push(sock, text: str) -> None:
    await sock.send(text.encode())  # expect: SCK601
