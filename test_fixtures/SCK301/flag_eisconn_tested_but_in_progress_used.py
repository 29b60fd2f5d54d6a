# SCK301 flag: the result is also compared with EISCONN, but the branch taken while the
# connect is in progress goes on to use the socket (waits for writability, then writes):
# a refused connection is taken for open there, and the error comes from the first send.
import errno
import select
import socket


def fetch(request: bytes):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    c = s.connect_ex(("192.0.2.1", 80))  # expect: SCK301
    if c == errno.EINPROGRESS:
        select.select([], [s], [], 10)
        s.send(request)  # expect: SCK201 SCK601
    elif c == errno.EISCONN:
        s.send(request)  # expect: SCK201 SCK601
    s.close()
