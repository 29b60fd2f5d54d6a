# SCK201 ok: no handler in the function, but every call of it in the module is inside a
# try whose handler treats BlockingIOError as "not ready yet" (one step up).
import errno
import socket


class Tunnel:
    def __init__(self, sock: socket.socket, peer) -> None:
        self.sk = sock
        self.sk.setblocking(False)
        self.peer = peer
        self.pending = []

    def pkt_sendto(self, kind: bytes, payload: bytes) -> int:
        packet = kind + payload
        sent = self.sk.send(packet)
        return 1 if sent == len(packet) else 0

    def flush(self) -> None:
        while self.pending:
            try:
                if self.pkt_sendto(b"D", self.pending[0]) == 0:
                    break
            except BlockingIOError:
                break
            self.pending.pop(0)

    def ack(self, number: int) -> None:
        try:
            self.pkt_sendto(b"A", number.to_bytes(4, "big"))
        except BlockingIOError:
            pass


def _read_some(sock: socket.socket) -> bytes:
    return sock.recv(4096) + b""


def poll(sock: socket.socket) -> bytes:
    sock.setblocking(False)
    try:
        return _read_some(sock)
    except OSError as exc:
        if exc.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
            return b""
        raise


class Probe:
    """``__init__``'s callers are the calls of the class's name."""

    def __init__(self, sock: socket.socket) -> None:
        sock.setblocking(False)
        self.first = sock.recv(4096)


def probe(sock: socket.socket):
    try:
        return Probe(sock)
    except BlockingIOError:
        return None
