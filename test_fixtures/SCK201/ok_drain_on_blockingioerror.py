# SCK201 ok: non-blocking reads and writes that stop (return/break) on BlockingIOError and wait for the next readiness event.
import selectors
import socket


class Connection:
    def __init__(self, sel: selectors.BaseSelector, sock: socket.socket) -> None:
        self.sel = sel
        self.sock: socket.socket = sock
        self.sock.setblocking(False)
        self.inbuf = bytearray()
        self.outbuf = bytearray()

    def on_readable(self) -> None:
        while True:
            try:
                data = self.sock.recv(65536)
            except BlockingIOError:
                return
            if not data:
                self.close()
                return
            self.inbuf += data

    def on_writable(self) -> None:
        while self.outbuf:
            try:
                sent = self.sock.send(self.outbuf)
            except BlockingIOError:
                break
            del self.outbuf[:sent]
        if not self.outbuf:
            self.sel.modify(self.sock, selectors.EVENT_READ, self)

    def close(self) -> None:
        self.sel.unregister(self.sock)
        self.sock.close()
