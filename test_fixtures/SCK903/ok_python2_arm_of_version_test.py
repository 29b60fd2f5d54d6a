# SCK903 ok: the subscript sits in the arm that a Python-version test rules out on Python 3.
import errno
import socket
import sys

import six

PY3 = sys.version_info[0] >= 3


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except socket.error as e:
        code = e.errno if six.PY3 else e[0]
        if sys.version_info[0] < 3:
            code = e[0]
        if not PY3:
            code = e[0]
        if sys.version_info >= (3, 0):
            pass
        else:
            code = e[0]
        if code == errno.EAGAIN:
            return b""
        raise
