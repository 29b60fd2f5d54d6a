# SCK903 lookalike: exceptions of the project's own, Exception in general, and indexing
# something else than the exception.
import socket


class ProtocolError(Exception):
    def __getitem__(self, index):
        return self.args[index]


def parse(sock: socket.socket, table) -> bytes:
    try:
        return sock.recv(4096)
    except ProtocolError as e:
        return e[0]
    except Exception as e:
        return table[0] or e


def lookup(key, mapping):
    try:
        return mapping[key]
    except KeyError as e:
        return e.args[0]
