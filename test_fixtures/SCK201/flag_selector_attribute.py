# SCK201 flag: self.sock is made non-blocking in __init__; recv() in the readiness callback has
# no BlockingIOError handler, and the class also calls the callback directly (after a write,
# when nothing may be readable).
import selectors
import socket


class Client:
    def __init__(self, sel: selectors.BaseSelector, sock: socket.socket) -> None:
        self.sel = sel
        self.sock: socket.socket = sock
        self.sock.setblocking(False)
        self.inbuf = bytearray()
        self.sel.register(self.sock, selectors.EVENT_READ, self.on_readable)

    def on_readable(self) -> None:
        data = self.sock.recv(65536)  # expect: SCK201
        if not data:
            self.close()
            return
        self.inbuf += data

    def send_and_read(self, data: bytes) -> None:
        self.sock.sendall(data)  # expect: SCK603
        self.on_readable()

    def close(self) -> None:
        self.sel.unregister(self.sock)
        self.sock.close()
