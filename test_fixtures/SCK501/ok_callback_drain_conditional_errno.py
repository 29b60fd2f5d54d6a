# SCK501 ok: the errno is read through a conditional expression (`e.args[0] if e.args else
# None`); the drain loop's handler falls through on ECONNABORTED and on EAGAIN, so the
# callback returns to the event loop, which calls it again on the next readiness event.
import errno
import socket

SILENT_ERRORS = (errno.ECONNABORTED, errno.ECONNRESET, errno.EPIPE)
VALID_ERRORS = (errno.EWOULDBLOCK, errno.EAGAIN, errno.EINPROGRESS)


class Server:
    def on_read_s(self, listener: socket.socket, service) -> None:
        try:
            while True:
                conn, address = listener.accept()
                service.on_socket_c(conn, address)
        except socket.error as error:
            error_v = error.args[0] if error.args else None
            if error_v in SILENT_ERRORS:
                self.on_expected(error)
            elif not error_v in VALID_ERRORS:
                self.on_exception(error)

    def on_expected(self, error: OSError) -> None:
        pass

    def on_exception(self, error: OSError) -> None:
        pass
