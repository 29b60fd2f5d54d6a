# SCK301 flag: connect() on a SOCK_NONBLOCK socket (from-import style) whose EINPROGRESS is tested by errno; no SO_ERROR follows.
import errno
import select
from socket import socket, AF_INET, SOCK_STREAM, SOCK_NONBLOCK


def open_nonblocking(host: str, port: int, timeout: float) -> socket:
    s = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK)
    try:
        s.connect((host, port))  # expect: SCK301
    except OSError as e:
        if e.errno != errno.EINPROGRESS:
            s.close()
            raise
    _, writable, _ = select.select([], [s], [], timeout)
    if not writable:
        s.close()
        raise TimeoutError(f"connect to {host}:{port} timed out")
    return s


def open_from_local_factory(host: str, port: int) -> socket:
    # The function defined here makes the socket non-blocking: the connect is under way.
    def make():
        sock = socket(AF_INET, SOCK_STREAM)
        sock.setblocking(False)
        return sock
    s = make()
    try:
        s.connect((host, port))  # expect: SCK301
    except BlockingIOError:
        pass
    return s


def connect_or_go_on(sock, addr):
    # The handler goes on with the socket when the connect is under way: SO_ERROR is needed.
    try:
        sock.connect(addr)  # expect: SCK301
    except OSError as e:
        if e.errno != errno.EINPROGRESS:
            raise
    return sock
