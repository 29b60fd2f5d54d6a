# SCK301 ok: after a non-blocking connect, the poll result is tested for the error events a
# failed connect raises (POLLERR, POLLHUP): the code learns that the attempt failed before it
# uses the socket, as SO_ERROR would tell it (without the errno). On MicroPython, whose
# SO_ERROR is unreliable, this is the usual check.
import errno
import select
import socket


def open_nonblocking(addr, timeout_ms: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        sock.connect(addr)
    except OSError as e:
        if e.errno != errno.EINPROGRESS:
            sock.close()
            raise
    poller = select.poll()
    poller.register(sock, select.POLLOUT)
    events = poller.poll(timeout_ms)
    if not events:
        sock.close()
        raise TimeoutError("connect timed out")
    if events[0][1] & (select.POLLERR | select.POLLHUP):
        sock.close()
        raise ConnectionRefusedError(errno.ECONNREFUSED, "connect failed")
    return sock
