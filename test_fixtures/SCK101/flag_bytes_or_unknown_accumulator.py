# SCK101 flag: look-alikes of a str accumulator. A bytes accumulator (the normal case), a
# name that is also bound to something that is not a str, a parameter, and a TypeError
# swallowed inside the loop, which makes the loop go round again.
import socket


def read_banner(sock: socket.socket):
    data = b''
    while b'\r\n' not in data:
        data += sock.recv(1024)  # expect: SCK101
    return data


def read_reply(sock: socket.socket, first):
    data = ''
    if first:
        data = first
    while '\r\n' not in data:
        data += sock.recv(1024)  # expect: SCK101
    return data


def read_more(sock: socket.socket, data):
    while len(data) < 10:
        data = data + sock.recv(1024)  # expect: SCK101
    return data


def read_forgiving(sock: socket.socket):
    data = ''
    while '\r\n' not in data:
        try:
            data += sock.recv(1024)  # expect: SCK101
        except Exception:
            continue
    return data


def read_unless_paused(sock: socket.socket, count: int, paused):
    """A pass that may skip the join (``continue``) may spin at end of file."""
    s = ''
    while count > 0:
        n = sock.recv(count)  # expect: SCK101
        if paused():
            continue
        count -= len(n)
        s = s + n
    return s


def read_into_bytes(sock: socket.socket, count: int):
    """The name is added to bytes, not to a str."""
    s = b''
    while count > 0:
        n = sock.recv(count)  # expect: SCK101
        count -= len(n)
        s = s + n
    return s


def read_rebound_first(sock: socket.socket):
    """The name is rebound before the join: what is joined is no longer the read."""
    s = ''
    while True:
        n = sock.recv(4096)  # expect: SCK101
        n = n.decode()
        s = s + n
        if s.endswith('\n'):
            return s
