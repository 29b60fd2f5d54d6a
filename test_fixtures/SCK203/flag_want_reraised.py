# SCK203 flag: a clause that re-raises the want error it caught hands on no decision about it.
import logging
import socket
import ssl

log = logging.getLogger(__name__)


class TlsTransport:
    def __init__(self, ctx: ssl.SSLContext, sock: socket.socket, host: str) -> None:
        self.tls = ctx.wrap_socket(sock, server_hostname=host)
        self.tls.setblocking(False)

    def recv_noblock(self, size: int) -> bytes:
        try:
            data = self.tls.recv(size)  # expect: SCK203
        except ssl.SSLWantReadError:
            log.debug("TLS record incomplete")
            raise
        return data
