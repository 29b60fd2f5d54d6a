# SCK301 ok: tornado-style connect that ignores BlockingIOError and checks SO_ERROR in the connect handler.
import errno
import os
import socket


class IOStream:
    def __init__(self, sock: socket.socket, io_loop) -> None:
        self.socket: socket.socket = sock
        self.socket.setblocking(False)
        self.io_loop = io_loop
        self.error = None
        self._connect_callback = None

    def connect(self, address, callback) -> None:
        self._connect_callback = callback
        try:
            self.socket.connect(address)
        except BlockingIOError:
            # In non-blocking mode we expect connect() to raise EINPROGRESS or EWOULDBLOCK.
            pass
        except OSError as e:
            self.error = e
            self.close()
            return
        self.io_loop.add_handler(self.socket.fileno(), self._handle_connect, self.io_loop.WRITE)

    def _handle_connect(self, fd, events) -> None:
        try:
            err = self.socket.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        except OSError as e:
            if e.errno != errno.ENOPROTOOPT:
                raise
            err = 0
        if err != 0:
            self.error = socket.error(err, os.strerror(err))
            self.close()
            return
        callback, self._connect_callback = self._connect_callback, None
        callback()

    def close(self) -> None:
        self.io_loop.remove_handler(self.socket.fileno())
        self.socket.close()
