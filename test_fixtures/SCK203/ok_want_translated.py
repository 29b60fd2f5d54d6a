# SCK203 ok: a clause naming the want error that raises the project's own would-block signal hands the condition on to the caller that waits and retries.
import select
import socket
import ssl


class WouldBlock(Exception):
    def __init__(self, fileno: int, writing: bool) -> None:
        super().__init__(fileno)
        self.fileno = fileno
        self.writing = writing


class TlsTransport:
    def __init__(self, ctx: ssl.SSLContext, sock: socket.socket, host: str) -> None:
        self.tls = ctx.wrap_socket(sock, server_hostname=host)
        self.tls.setblocking(False)

    def recv_noblock(self, size: int) -> bytes:
        try:
            data = self.tls.recv(size)
        except ssl.SSLWantReadError:
            raise WouldBlock(self.tls.fileno(), writing=False) from None
        return data

    def recv(self, size: int, timeout: float) -> bytes:
        while True:
            try:
                return self.recv_noblock(size)
            except WouldBlock as exc:
                select.select([exc.fileno], [], [], timeout)
