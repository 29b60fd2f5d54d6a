# SCK901 flag: a literal 4 (EINTR) retry around recv(); the number is SCK901, the dead retry branch is SCK202.
import socket


def read_reply(sock: socket.socket) -> bytes:
    while True:
        try:
            return sock.recv(4096)
        except OSError as e:
            if e.errno == 4:  # expect: SCK202 SCK901
                continue
            raise
