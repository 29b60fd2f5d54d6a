# SCK801 ok: the module's own factory sets SO_REUSEADDR on the socket it returns; a file
# of no project is analysed as a project of one module, so the factory is followed.
from socket import AF_INET, SOCK_STREAM, SOL_SOCKET, SO_REUSEADDR, socket


def _make():
    fresh = socket(AF_INET, SOCK_STREAM)
    fresh.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
    return fresh


class Feed:
    def __init__(self, port):
        self.port = port
        self.sock = _make()

    def serve(self):
        self.sock.bind(("", self.port))
        self.sock.listen(1)
        return self.sock

    def reopen(self):
        self.sock.close()
        self.sock = _make()
        self.sock.bind(("", self.port))
        self.sock.listen(1)
