"""SCK903 fix: e[0] becomes e.args[0], what it meant on Python 2."""
import errno
import socket


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except socket.error as e:
        if e[0] == errno.ECONNRESET:  # expect: SCK903
            return b""
        raise


def send_some(sock: socket.socket, data: bytes) -> None:
    # two indexes in one statement: it crashes at the first, so one finding; --fix goes on
    # to a fixed point and mends both
    try:
        sock.sendall(data)
    except socket.error as e:
        print("send failed: " + str(e[0]) + " " + e[1])  # expect: SCK903
