# SCK203 flag: a server-side TLS session made non-blocking in __init__; handshake, read and send lack SSLWant* handling.
import socket
import ssl


class TlsSession:
    def __init__(self, ctx: ssl.SSLContext, conn: socket.socket) -> None:
        self.tls = ctx.wrap_socket(conn, server_side=True, do_handshake_on_connect=False)
        self.tls.setblocking(False)
        self.handshaken = False
        self.outbuf = bytearray()

    def on_event(self) -> None:
        if not self.handshaken:
            self.tls.do_handshake()  # expect: SCK203
            self.handshaken = True
            return
        try:
            request = self.tls.read(4096)  # expect: SCK203
        except BlockingIOError:
            return
        if request:
            self.outbuf += b"HTTP/1.0 204 No Content\r\n\r\n"

    def flush(self) -> None:
        try:
            sent = self.tls.send(self.outbuf)  # expect: SCK203
        except (BlockingIOError, InterruptedError):
            return
        del self.outbuf[:sent]
