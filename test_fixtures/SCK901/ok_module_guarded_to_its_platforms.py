# SCK901 ok: a module whose own top-level code stops its import on every system but Linux
# (an assert at the end of the module, after the functions it guards): nothing it defines
# runs anywhere else, so Linux's numbers are the right ones in all of it. An assert inside
# a function guards the rest of that function the same way.
import socket
import sys


def read_or_empty(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == 104:  # ECONNRESET on Linux
            return b""
        raise


def send_or_wait(sock: socket.socket, data: bytes) -> int:
    assert sys.platform.startswith("linux"), "Linux only"
    try:
        return sock.send(data)
    except OSError as e:
        if e.errno == 11:  # EAGAIN on Linux
            return 0
        raise


assert sys.platform.startswith("linux"), "this module drives Linux's TCP stack"
