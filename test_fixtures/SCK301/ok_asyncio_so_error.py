# SCK301 ok: asyncio-style `except (BlockingIOError, InterruptedError)` around connect(), then SO_ERROR read in the writer callback.
import selectors
import socket


class Connector:
    def __init__(self, selector: selectors.BaseSelector) -> None:
        self.selector = selector

    def start(self, address, on_done) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        try:
            sock.connect(address)
        except (BlockingIOError, InterruptedError):
            self.selector.register(sock, selectors.EVENT_WRITE, (self._on_writable, address, on_done))
        except OSError:
            sock.close()
            raise
        else:
            on_done(sock, None)

    def _on_writable(self, sock: socket.socket, address, on_done) -> None:
        try:
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        except (BlockingIOError, InterruptedError):
            return  # not ready yet: retry on the next event
        self.selector.unregister(sock)
        if err != 0:
            sock.close()
            on_done(None, OSError(err, f"Connect call failed {address}"))
            return
        on_done(sock, None)
