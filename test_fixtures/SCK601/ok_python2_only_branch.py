# SCK601 ok: with a Python 3 target (the default), code that only Python 2 runs gets no
# finding: the branch a version test rules out on Python 3 never runs there.
import socket
import sys

import six

PY2 = sys.version_info[0] == 2


def send_line(sock: socket.socket, text: str) -> None:
    sock.settimeout(5.0)
    if sys.version_info[0] < 3:
        sock.send(bytes(text + "\n"))
    else:
        sock.sendall(bytes(text + "\n", "utf-8"))


def send_raw(sock: socket.socket, data) -> None:
    sock.settimeout(5.0)
    if six.PY2:
        sock.send(data)
    elif PY2:
        sock.send(data)
    else:
        sock.sendall(data)
