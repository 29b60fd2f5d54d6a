# SCK901 flag: a number next to the constant of another error, or next to another number only (unless the pair is one error's Linux and macOS/BSD numbers and its constant is no better on Windows: ok_linux_and_bsd_numbers_of_eagain.py): nothing in the test names the number's error on every platform.
import errno
import socket


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if e.errno in (errno.EPIPE, 104):  # expect: SCK901
            return -1
        if e.errno in (104, 54):  # expect: SCK901 SCK901
            return 0
        raise
