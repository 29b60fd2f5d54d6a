# SCK901 ok: the errno the number means is raised as an exception class an earlier clause of
# the same try takes (11 is EAGAIN on Linux, raised as BlockingIOError; on macOS EAGAIN is
# 35, also a BlockingIOError, and 11 is EDEADLK, which no socket call reports): the
# comparison never matches anywhere, and a constant would not change that.
import logging
import socket

log = logging.getLogger(__name__)


def read_datagram(sock: socket.socket, size: int):
    try:
        return sock.recvfrom(size)
    except BlockingIOError:
        raise
    except OSError as e:
        if e.errno == 11:
            raise BlockingIOError("no data") from e
        log.error("recvfrom failed: %s", e)
        raise


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except ConnectionResetError:
        return -1
    except OSError as e:
        if e.errno == 104:
            return -1
        raise


def call(sock: socket.socket, data: bytes):
    # the earlier clause names a tuple the function binds once, before the try
    connection_errors = (ConnectionRefusedError, ConnectionResetError, BrokenPipeError)
    try:
        sock.sendall(data)
        return sock.recv(100)
    except connection_errors:
        return None
    except OSError as e:
        if e.errno == 104:
            return None
        raise
