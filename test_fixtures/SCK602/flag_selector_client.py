# SCK602 flag: an event-loop client that starts connect_ex() on self.sock and on an annotated parameter and drops the result.
import selectors
import socket


def start_connect(sock: socket.socket, addr, selector: selectors.BaseSelector, callback) -> None:
    sock.setblocking(False)
    sock.connect_ex(addr)  # expect: SCK602
    selector.register(sock, selectors.EVENT_WRITE, callback)


class AsyncClient:
    def __init__(self, addr, selector: selectors.BaseSelector) -> None:
        self.addr = addr
        self.selector = selector
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)

    def start(self) -> None:
        self.sock.connect_ex(self.addr)  # expect: SCK602
        self.selector.register(self.sock, selectors.EVENT_WRITE, self._on_connected)

    def _on_connected(self, key, mask) -> None:
        self.selector.unregister(self.sock)
        err = self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err:
            self.sock.close()
            raise ConnectionError(err, "connect failed")
