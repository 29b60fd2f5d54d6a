# SCK501 ok: asyncio's _accept_connection drain loop returns on (BlockingIOError, InterruptedError, ConnectionAbortedError).
import errno
import logging
import socket

ACCEPT_RETRY_DELAY = 1
logger = logging.getLogger(__name__)


class Server:
    def __init__(self, loop, sock: socket.socket, backlog: int = 100) -> None:
        self._loop = loop
        self._sock: socket.socket = sock
        self._sock.setblocking(False)
        self._backlog = backlog

    def _accept_connection(self, protocol_factory) -> None:
        for _ in range(self._backlog):
            try:
                conn, addr = self._sock.accept()
                conn.setblocking(False)
            except (BlockingIOError, InterruptedError, ConnectionAbortedError):
                # Early exit because the socket accept buffer is empty.
                return None
            except OSError as exc:
                if exc.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    logger.error("socket.accept() out of system resource: %s", exc)
                    self._loop.remove_reader(self._sock.fileno())
                    self._loop.call_later(ACCEPT_RETRY_DELAY, self._start_serving, protocol_factory)
                    return None
                raise
            self._accept_one(protocol_factory, conn, addr)
        return None

    def _start_serving(self, protocol_factory) -> None:
        self._loop.add_reader(self._sock.fileno(), self._accept_connection, protocol_factory)

    def _accept_one(self, protocol_factory, conn: socket.socket, addr) -> None:
        protocol_factory(conn, addr)
