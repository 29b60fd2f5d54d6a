# SCK901 ok: one error's Linux number beside its macOS/BSD number, `(11, 35)` for EAGAIN:
# the pair catches it on both families, as `errno.EAGAIN` would, and that constant matches
# no Winsock error either (Windows keeps the C runtime's 11 for it; Winsock says 10035).
# Each number's meaning on the other family (EDEADLK) is no error a socket call gives.
import socket


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno in (11, 35):
            return b""
        if e.errno == 35 or e.errno == 11:
            return b""
        raise
