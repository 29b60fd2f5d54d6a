# SCK903 flag: the subscript sits in the arm that Python 3 takes.
import errno
import socket
import sys

import six


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except socket.error as e:
        code = e[0] if six.PY3 else e.errno  # expect: SCK903
        if sys.version_info[0] >= 3:
            code = e[0]  # expect: SCK903
        if code == errno.EAGAIN:
            return b""
        raise
