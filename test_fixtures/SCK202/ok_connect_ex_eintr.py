# SCK202 ok: asyncore-style tests of a connect_ex() result that include EINTR are not exception handlers retrying I/O.
import errno
import socket


class Dispatcher:
    def __init__(self) -> None:
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.socket.setblocking(False)
        self.connected = False
        self.connecting = False

    def connect(self, address) -> None:
        self.connecting = True
        err = self.socket.connect_ex(address)
        if err in (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK, errno.EINTR):
            return
        if err in (0, errno.EISCONN):
            self.handle_connect_event()
        else:
            raise OSError(err, errno.errorcode[err])

    def handle_connect_event(self) -> None:
        err = self.socket.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        if err != 0:
            raise OSError(err, errno.errorcode[err])
        self.connected = True
        self.connecting = False
