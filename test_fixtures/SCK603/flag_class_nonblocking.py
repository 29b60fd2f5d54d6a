# SCK603 flag: a connection object made non-blocking in __init__ (and never blocking again) calls sendall() in a writable callback.
import selectors
import socket


class Peer:
    def __init__(self, conn: socket.socket, selector: selectors.BaseSelector) -> None:
        self.conn = conn
        self.conn.setblocking(False)
        self.selector = selector
        self.outbuf = bytearray()

    def queue(self, data: bytes) -> None:
        self.outbuf += data
        self.selector.modify(self.conn, selectors.EVENT_READ | selectors.EVENT_WRITE, self)

    def on_writable(self) -> None:
        try:
            self.conn.sendall(self.outbuf)  # expect: SCK603
        except BlockingIOError:
            return
        self.outbuf.clear()
        self.selector.modify(self.conn, selectors.EVENT_READ, self)
