# SCK301 flag: non-blocking connect() whose BlockingIOError is swallowed; writability is taken as success, SO_ERROR never read.
import selectors
import socket


class Upstream:
    def __init__(self, sel: selectors.BaseSelector, addr) -> None:
        self.sel = sel
        self.addr = addr
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.connected = False

    def start(self) -> None:
        try:
            self.sock.connect(self.addr)  # expect: SCK301
        except BlockingIOError:
            pass
        self.sel.register(self.sock, selectors.EVENT_WRITE, self.on_writable)

    def on_writable(self) -> None:
        self.connected = True
        self.sel.modify(self.sock, selectors.EVENT_READ, self.on_readable)

    def on_readable(self) -> None:
        pass
