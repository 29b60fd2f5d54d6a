# The socket calls, handed to the helpers.
import socket

from link.retry import retry_on_eintr, until_concludes, until_connected


class Connection:
    def __init__(self, address):
        self.socket = socket.create_connection(address, timeout=5)

    def write(self, data):
        sent = until_concludes(self.socket.send, data)
        return sent

    def write_all(self, data):
        until_concludes(self.socket.sendall, data)

    @retry_on_eintr
    def read(self, size):
        return self.socket.recv(size)


def open_nonblocking(address):
    sock = socket.socket()
    sock.setblocking(False)
    until_connected(sock.connect, address)
    return sock
