# SCK603 ok: a non-blocking socket written with send() and an offset, so a short write or EAGAIN loses nothing.
import selectors
import socket


class Writer:
    def __init__(self, conn: socket.socket, selector: selectors.BaseSelector) -> None:
        self.conn = conn
        self.conn.setblocking(False)
        self.selector = selector
        self.outbuf = bytearray()

    def on_writable(self) -> None:
        while self.outbuf:
            try:
                sent = self.conn.send(self.outbuf)
            except BlockingIOError:
                return
            del self.outbuf[:sent]
        self.selector.modify(self.conn, selectors.EVENT_READ, self)
