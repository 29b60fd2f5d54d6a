# The socket code lives here; the loops that use it live in modules whose own text shows none.
import socket


def dial(host, port):
    return socket.create_connection((host, port), timeout=10)


def read_some(link):
    return link.recv(4096)


def read_or_none(link):
    data = link.recv(4096)
    if not data:
        return None
    return data


def words(text):
    return text.split()
