# SCK901 ok: a test that lists one error's number on every family (Linux's, macOS/BSD's and
# Winsock's) catches it wherever the code runs, as the errno constant would: (49, 99, 10049)
# is EADDRNOTAVAIL on each, (104, 54, 10054) ECONNRESET. Each number's meaning elsewhere
# (49 is EUNATCH on Linux) is no error a socket call gives.
import socket


class AddressError(Exception):
    pass


def bind_source(sock: socket.socket, address: str) -> None:
    try:
        sock.bind((address, 0))
    except OSError as err:
        if err.errno in (49, 99, 10049):
            raise AddressError(address) from err
        raise


def read_or_empty(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as err:
        if err.errno in (104, 54, 10054):
            return b""
        raise
