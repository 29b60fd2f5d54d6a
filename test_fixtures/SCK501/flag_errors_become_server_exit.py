# SCK501 flag: a handler that turns every error except a few errnos into another exception ends
# the server on ECONNABORTED too.
import errno
import socket


class ServerClosed(Exception):
    pass


def serve(listener: socket.socket, handle) -> None:
    while True:
        try:
            conn, _ = listener.accept()  # expect: SCK501
        except socket.error as e:
            if e.errno in (errno.ENOBUFS, errno.EAGAIN):
                continue
            raise EOFError()
        handle(conn)


class Server:
    def __init__(self) -> None:
        self.sock = socket.socket()
        self.running = True

    def loop(self, handle) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()  # expect: SCK501
            except OSError as e:
                if e.errno == errno.EWOULDBLOCK:
                    continue
                raise ServerClosed("accept failed: %s" % e)
            handle(conn)
