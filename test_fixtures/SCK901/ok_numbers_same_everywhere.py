# SCK901 ok: errnos 1 to 34 (but 11) have the same number on Linux, macOS, the BSDs and Windows'
# C runtime: 4 is EINTR everywhere. (The dead EINTR retry is SCK202's business.)
import socket


def read_reply(sock: socket.socket) -> bytes:
    while True:
        try:
            return sock.recv(4096)
        except OSError as e:
            if e.errno == 4:  # expect: SCK202
                continue
            if e.errno in (9, 22, 32):
                return b""
            raise
