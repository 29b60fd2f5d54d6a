# SCK203 ok: tornado-style `except ssl.SSLError` that tests args[0] / errno against SSL_ERROR_WANT_READ / WANT_WRITE.
import ssl


class SSLStream:
    def __init__(self, tls: ssl.SSLSocket) -> None:
        self.socket: ssl.SSLSocket = tls
        self.socket.setblocking(False)

    def read_from_fd(self, buf: bytearray):
        try:
            return self.socket.recv_into(buf)
        except ssl.SSLError as e:
            # SSLError is a subclass of OSError, so this except block must come first.
            if e.args[0] == ssl.SSL_ERROR_WANT_READ:
                return None
            raise
        except BlockingIOError:
            return None

    def write_to_fd(self, data: memoryview) -> int:
        try:
            return self.socket.send(data)
        except ssl.SSLError as e:
            if e.errno == ssl.SSL_ERROR_WANT_WRITE:
                return 0
            raise
        except BlockingIOError:
            return 0
