# SCK601 flag: on a socket in timeout mode, a payload whose size the code does not fix
# (or that may exceed 512 bytes) and that is no composed request can be cut short (the
# module's signal handler does not matter there: a timeout-mode send is one non-blocking
# send(2) after a wait); and a small payload can be cut short
# where send() is not preceded by a wait for writability: a non-blocking socket that has
# sent before, SO_SNDTIMEO, a blocking send interrupted by a signal, an async library.
import signal
import socket
import struct

import trio  # noqa: F401  (``awaited`` below sends on a trio socket)


def on_alarm(signum, frame):
    pass


signal.signal(signal.SIGALRM, on_alarm)


def unbounded(sock: socket.socket, text: str, fields: list, count: int) -> None:
    sock.settimeout(10)
    sock.send(struct.pack("!%dI" % count, *fields))  # expect: SCK601
    sock.send(b"x" * count)  # expect: SCK601
    sock.send(bytes(4096))  # expect: SCK601


def grown(sock: socket.socket, text: str) -> None:
    sock.settimeout(10)
    frame = b"ab"
    frame += text.encode()
    sock.send(frame)  # expect: SCK601


def nonblocking(sock: socket.socket, body: bytes) -> int:
    sock.setblocking(False)
    try:
        sent = sock.send(body)
        sock.send(b"\r\n")  # expect: SCK601
    except BlockingIOError:
        return 0
    return sent


def send_timeout(sock: socket.socket) -> None:
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, struct.pack("ll", 5, 0))
    try:
        sock.send(b"PING\r\n")  # expect: SCK601
    except BlockingIOError:
        pass


def blocking_with_handler(sock: socket.socket) -> None:
    sock.send(b"PING\r\n")  # expect: SCK601


async def awaited(sock) -> None:
    await sock.send(b"PING\r\n")  # expect: SCK601


def drop_connection(client: socket.socket, reason: str) -> None:
    # the local name may hold text of any size on one path
    client.settimeout(5)
    message = "[-] CONN. LOST\n"
    if reason:
        message = reason
    client.send(message.encode("utf8"))  # expect: SCK601
    notice = "[-] closing: "
    notice += reason
    client.send(notice.encode("utf8"))  # expect: SCK601
