# SCK601 ok: other spellings of text.encode() make the same composed request or fixed line:
# six.b(text) (latin-1 on Python 3), six.ensure_binary(text), str.encode(text, codec).
import socket

import six


def ask(path: str, command: str, timeout: float) -> bytes:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    sock.connect(path)
    sock.send(six.b("show info" + "\n"))
    sock.send(six.b(command + "\n"))
    sock.send(six.ensure_binary("QUIT\r\n"))
    sock.send(str.encode("USER " + command + "\r\n", "ascii"))
    return sock.recv(4096)
