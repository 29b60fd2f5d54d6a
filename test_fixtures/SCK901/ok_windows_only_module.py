# SCK901 ok: a module that imports msvcrt at its top level is imported only on Windows, where 10035 is WSAEWOULDBLOCK.
import msvcrt
import socket


def poll_key(sock: socket.socket) -> bytes:
    if msvcrt.kbhit():
        return msvcrt.getch()
    try:
        return sock.recv(1)
    except OSError as e:
        if e.errno == 10035:
            return b""
        raise
