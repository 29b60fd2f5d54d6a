# SCK901 flag: a number next to the constant of another error, or next to another number only: nothing in the test names the number's error on every platform.
import errno
import socket


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if e.errno in (errno.EPIPE, 104):  # expect: SCK901
            return -1
        if e.errno in (11, 35):  # expect: SCK901 SCK901
            return 0
        raise
