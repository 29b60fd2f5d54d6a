# SCK501 ok: tornado's accept handler: return on BlockingIOError, continue on ConnectionAbortedError.
import socket

_DEFAULT_BACKLOG = 128


def add_accept_handler(sock: socket.socket, callback, io_loop) -> None:
    def accept_handler(fd, events) -> None:
        for _ in range(_DEFAULT_BACKLOG):
            try:
                connection, address = sock.accept()
            except BlockingIOError:
                # EWOULDBLOCK indicates we have accepted every connection that is available.
                return
            except ConnectionAbortedError:
                # ECONNABORTED: the connection was closed while still in the accept queue.
                continue
            callback(connection, address)

    io_loop.add_handler(sock, accept_handler, io_loop.READ)
