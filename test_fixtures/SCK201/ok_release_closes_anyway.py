# SCK201 ok: a release that takes one waiting connection, if any, with a non-blocking
# accept(), and closes its listener either way: closing in the handler is what the function
# does on its normal path too, so EAGAIN ("nobody waiting") ends nothing early.
import socket


class SocketLock:
    def __init__(self, listener: socket.socket) -> None:
        self._socket = listener

    def release(self) -> None:
        self._socket.setblocking(False)
        try:
            waiter = self._socket.accept()[0]
        except OSError:
            self._socket.close()
            return
        waiter.sendall(b"\x01")
        waiter.close()
        self._socket.close()
