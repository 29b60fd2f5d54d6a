# SCK901 ok: a module whose top-level code loads a Windows DLL through ctypes cannot be imported anywhere but Windows, where a send that would block fails with 10035 (WSAEWOULDBLOCK) and a reset one with 10054 (WSAECONNRESET).
import ctypes
import socket

ws2 = ctypes.WinDLL("ws2_32", use_last_error=True)


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if e.errno == 10035:
            return 0
        if e.errno == 10054:
            return -1
        raise
