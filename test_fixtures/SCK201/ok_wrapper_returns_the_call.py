# SCK201 ok (from real code): a thin wrapper returns the call; its caller handles BlockingIOError.
import socket


class Stream:
    def __init__(self, sock: socket.socket) -> None:
        self.socket = sock
        self.socket.setblocking(False)

    def write_to_fd(self, data: memoryview) -> int:
        # tornado: _handle_write() catches BlockingIOError around this call
        try:
            return self.socket.send(data)
        finally:
            del data

    def handle_write(self, data: memoryview) -> int:
        try:
            return self.write_to_fd(data)
        except BlockingIOError:
            return 0
