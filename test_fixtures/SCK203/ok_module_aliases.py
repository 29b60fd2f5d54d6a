# SCK203 ok: the handlers name module-level aliases of the ssl classes
# (``SSLWantReadError = ssl.SSLWantReadError``), bound once at the top of the module with a
# fallback for an ssl module without them.
import logging
import socket

log = logging.getLogger(__name__)

try:
    import ssl

    try:
        SSLWantReadError = ssl.SSLWantReadError
        SSLWantWriteError = ssl.SSLWantWriteError
    except AttributeError:
        SSLWantReadError = ssl.SSLError
        SSLWantWriteError = ssl.SSLError
except ImportError:
    class SSLWantReadError(Exception):
        pass

    class SSLWantWriteError(Exception):
        pass

WANT = (SSLWantReadError, SSLWantWriteError)


class Connection:
    def __init__(self, ctx: "ssl.SSLContext", host: str, port: int) -> None:
        raw = socket.create_connection((host, port), timeout=10)
        self._sock = ctx.wrap_socket(raw, server_hostname=host, do_handshake_on_connect=False)
        self._sock.setblocking(False)

    def try_handshake(self) -> bool:
        try:
            self._sock.do_handshake()
            return True
        except (SSLWantReadError, SSLWantWriteError):
            return False

    def read_some(self) -> bytes:
        try:
            return self._sock.recv(16384)
        except WANT:
            return b""

    def write_some(self, data: bytes) -> int:
        try:
            return self._sock.send(data)
        except SSLWantWriteError:
            return 0
