# SCK203 ok: non-blocking SSL handshake, recv and send guarded by ssl.SSLWantReadError / ssl.SSLWantWriteError.
import select
import socket
import ssl


def handshake(tls: ssl.SSLSocket, timeout: float) -> None:
    tls.setblocking(False)
    while True:
        try:
            tls.do_handshake()
            return
        except ssl.SSLWantReadError:
            select.select([tls], [], [], timeout)
        except ssl.SSLWantWriteError:
            select.select([], [tls], [], timeout)


class TlsStream:
    def __init__(self, ctx: ssl.SSLContext, sock: socket.socket, host: str) -> None:
        self.tls = ctx.wrap_socket(sock, server_hostname=host, do_handshake_on_connect=False)
        self.tls.setblocking(False)
        self.outbuf = bytearray()

    def read_some(self):
        try:
            return self.tls.recv(16384)
        except (ssl.SSLWantReadError, ssl.SSLWantWriteError):
            return None

    def write_some(self) -> int:
        try:
            sent = self.tls.send(self.outbuf)
        except ssl.SSLWantWriteError:
            return 0
        except ssl.SSLWantReadError:
            return 0
        del self.outbuf[:sent]
        return sent
