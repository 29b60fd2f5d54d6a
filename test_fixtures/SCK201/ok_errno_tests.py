# SCK201 ok: handlers that catch OSError/socket.error and test errno (directly or via args[0]) for EAGAIN/EWOULDBLOCK.
import errno
import socket


class Waker:
    def __init__(self) -> None:
        self.rsock, self.wsock = socket.socketpair()
        self.rsock.setblocking(False)
        self.wsock.setblocking(False)

    def notify(self) -> bool:
        try:
            written = self.wsock.send(b"\x00")
        except OSError as e:
            if e.errno in (errno.EAGAIN, errno.EWOULDBLOCK):
                return False
            raise
        return written == 1

    def drain(self) -> int:
        total = 0
        while True:
            try:
                data = self.rsock.recv(4096)
            except socket.error as exc:
                err = exc.args[0]
                if err == errno.EAGAIN or err == errno.EWOULDBLOCK:
                    return total
                raise
            if not data:
                return total
            total += len(data)
