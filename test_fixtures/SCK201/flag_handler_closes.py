# SCK201 flag: handlers that close the socket on any OSError, or catch only ConnectionError, treat EAGAIN as fatal
# (`except ConnectionError or BlockingIOError:` catches ConnectionError alone).
import logging
import socket

log = logging.getLogger(__name__)


class Peer:
    def __init__(self, sock: socket.socket) -> None:
        self.sock: socket.socket = sock
        self.sock.setblocking(False)
        self.out = bytearray()
        self.closed = False

    def on_readable(self) -> bytes:
        try:
            data = self.sock.recv(4096)  # expect: SCK201
        except OSError as exc:
            log.warning("read failed: %s", exc)
            self.handle_close()
            return b""
        return data

    def on_writable(self) -> None:
        try:
            sent = self.sock.send(self.out)  # expect: SCK201
        except ConnectionError:
            self.handle_close()
            return
        del self.out[:sent]

    def handle_close(self) -> None:
        self.closed = True
        self.sock.close()


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self._sock.setblocking(False)

    def write(self, data: bytes) -> None:
        try:
            self._sock.send(data)  # expect: SCK201 SCK601
        except (BrokenPipeError, ConnectionResetError):
            self._sock.close()
        except OSError:
            self._sock.close()


def poke(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.send(b"\0") == 1  # expect: SCK201
    except ConnectionError or BlockingIOError:
        return False
