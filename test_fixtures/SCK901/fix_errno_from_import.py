# SCK901 fix: with `from errno import ...` the bare name is used; with an alias, the alias.
import errno as E
import socket
from errno import ECONNREFUSED


def refused(sock: socket.socket, addr) -> bool:
    return sock.connect_ex(addr) == 111  # expect: SCK901


def in_progress(sock: socket.socket, addr) -> bool:
    return sock.connect_ex(addr) == 115  # expect: SCK901


def connected(sock: socket.socket) -> bool:
    return sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0 and ECONNREFUSED and E
