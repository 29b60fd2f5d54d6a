# SCK201 outside test code: an ``assert`` in the program is no test; the non-blocking read
# in it raises BlockingIOError when nothing has arrived.
import socket


def drained(sock: socket.socket) -> bool:
    sock.setblocking(False)
    assert sock.recv(1) == b""  # expect: SCK201
    return True
