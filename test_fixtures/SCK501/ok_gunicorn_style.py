# SCK501 ok: gunicorn-style errno test that lets EAGAIN, ECONNABORTED and EWOULDBLOCK through to the next round.
import errno
import select
import socket


class SyncWorker:
    def __init__(self, listener: socket.socket, timeout: float) -> None:
        self.listener: socket.socket = listener
        self.listener.setblocking(False)
        self.timeout = timeout
        self.alive = True

    def run_for_one(self, handle) -> None:
        while self.alive:
            try:
                client, addr = self.listener.accept()
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.ECONNABORTED, errno.EWOULDBLOCK):
                    raise
                select.select([self.listener], [], [], self.timeout)
                continue
            client.setblocking(True)
            handle(client, addr)
