# SCK901 flag: 11 is EAGAIN on Linux but EDEADLK on macOS and the BSDs (where EAGAIN is 35).
import socket


def try_read(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == 11:  # expect: SCK901
            return b""
        raise
