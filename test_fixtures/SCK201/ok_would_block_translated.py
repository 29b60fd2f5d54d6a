# SCK201 ok: a clause naming BlockingIOError that raises the project's own would-block signal hands the condition on to the retry helper that catches it, whatever the call's shape.
import select
import socket


class WouldBlockOnRead(Exception):
    def __init__(self, fileno: int) -> None:
        super().__init__(fileno)
        self.fileno = fileno


class WouldBlockOnWrite(WouldBlockOnRead):
    pass


def retry(callback, timeout: float):
    while True:
        try:
            return callback()
        except WouldBlockOnWrite as exc:
            select.select([], [exc.fileno], [], timeout)
        except WouldBlockOnRead as exc:
            select.select([exc.fileno], [], [], timeout)


class Transport:
    def __init__(self, sock: socket.socket) -> None:
        self.__socket = sock
        self.__socket.setblocking(False)

    def recv_with_ancillary(self, bufsize: int, ancillary: int):
        try:
            msg, ancdata, _, _ = self.__socket.recvmsg(bufsize, ancillary)
        except (BlockingIOError, InterruptedError):
            raise WouldBlockOnRead(self.__socket.fileno()) from None
        else:
            return msg, ancdata

    def send_noblock(self, data: bytes) -> int:
        try:
            sent = self.__socket.send(data)
        except BlockingIOError:
            raise WouldBlockOnWrite(self.__socket.fileno()) from None
        return sent

    def recv(self, bufsize: int) -> bytes:
        return retry(lambda: self.recv_with_ancillary(bufsize, 0)[0], 1.0)
