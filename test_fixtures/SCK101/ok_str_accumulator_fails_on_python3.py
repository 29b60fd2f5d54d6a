# SCK101 ok: Python 2 code that adds what recv() returns to a str. On Python 3 (the target
# here) the first `str + bytes` raises TypeError, so the loop fails at once and never spins:
# a different bug, not this rule's. Names that can only hold a str: every assignment is a
# str literal or is computed from such names by +, % or slicing.
import socket


def read_banner(sock: socket.socket):
    data = ''
    while '\r\n' not in data:
        data += sock.recv(1024)
    return data


def read_messages(conn: socket.socket, parse):
    data = ''
    messages = []
    while len(data) > 0 or not messages:
        try:
            message = parse(data)
            remaining = data[len(message):]
        except ValueError:
            remaining = data + conn.recv(8192)
        else:
            messages.append(message)
        data = remaining
    return messages


def read_line(conn: socket.socket):
    buf = ""
    while not buf.endswith("\n"):
        buf = buf + conn.recv(1)
    return buf


def read_exactly(sock: socket.socket, count: int):
    """The read is bound to a name first; a later statement of the same pass adds it to a
    str, and the str comparison in between is never true of bytes."""
    s = ''
    while count > 0:
        n = sock.recv(count)
        if n == '':
            raise EOFError
        count -= len(n)
        s = s + n
    return s


def read_all(sock: socket.socket):
    buf = ''
    while True:
        chunk = sock.recv(4096)
        buf += chunk
        if buf.endswith('\n'):
            return buf
