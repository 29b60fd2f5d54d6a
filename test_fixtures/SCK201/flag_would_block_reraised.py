# SCK201 flag: a clause that re-raises BlockingIOError, or reaches it only through OSError and raises something else, does not hand the would-block case on as such.
import logging
import socket

log = logging.getLogger(__name__)


class PeerGone(Exception):
    pass


class Transport:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.sock.setblocking(False)

    def read(self) -> bytes:
        try:
            data = self.sock.recv(4096)  # expect: SCK201
        except BlockingIOError:
            log.warning("nothing to read yet")
            raise
        return data

    def write(self, data: bytes) -> int:
        try:
            sent = self.sock.send(data)  # expect: SCK201
        except OSError as exc:
            raise PeerGone(str(exc)) from exc
        return sent
