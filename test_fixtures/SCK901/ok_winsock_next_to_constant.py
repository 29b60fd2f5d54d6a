# SCK901 ok: a Winsock number listed next to another spelling of the same error. No other
# platform reports 10035 or 10048, and on Windows the number is what the error is: the
# comparison is right everywhere the other spelling is.
import errno
import socket


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except socket.error as e:
        if e.args[0] not in (errno.EAGAIN, errno.EWOULDBLOCK, 10035):
            raise
        return 0


def try_bind(sock: socket.socket, address) -> bool:
    try:
        sock.bind(address)
    except OSError as e:
        if e.errno in (errno.EADDRINUSE, 10048):
            return False
        raise
    return True


def send_datagram(sock: socket.socket, packet: bytes, address) -> bool:
    # Python's errno module on Windows gives EMSGSIZE the Winsock number 10040 (CPython's
    # errnomodule.c prefers the WSA numbers for the socket errors), so 10040 is the same
    # error's other spelling
    try:
        sock.sendto(packet, address)
    except OSError as e:
        if e.errno in (errno.EMSGSIZE, 10040):
            return False
        raise
    return True
