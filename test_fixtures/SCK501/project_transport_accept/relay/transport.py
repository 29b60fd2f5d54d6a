# Transports: one hands on accept()'s errors, one deals with ECONNABORTED itself.
import errno
import socket


class TcpTransport:
    def __init__(self, address):
        self.handle = socket.create_server(address)

    def accept(self):
        return self.handle.accept()


class SturdyTransport:
    def __init__(self, address):
        self.handle = socket.create_server(address)

    def accept(self):
        while True:
            try:
                return self.handle.accept()
            except OSError as err:
                if err.errno != errno.ECONNABORTED:
                    raise


def next_client(listener):
    return listener.accept()
