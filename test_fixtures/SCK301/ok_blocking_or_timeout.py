# SCK301 ok: connect()/connect_ex() on blocking or timeout sockets: CPython waits and reads SO_ERROR itself.
import errno
import socket


class ConnectTimeout(Exception):
    pass


def connect_with_deadline(addr, timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(addr)
    except (BlockingIOError, InterruptedError, socket.timeout) as exc:
        sock.close()
        raise ConnectTimeout(addr) from exc
    return sock


def is_port_open(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.settimeout(1.5)
        return s.connect_ex((host, port)) == 0


def connect_local(path: str) -> socket.socket:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.setblocking(True)
    try:
        sock.connect(path)
    except (FileNotFoundError, ConnectionRefusedError):
        sock.close()
        raise
    return sock


def connect_through_local_factory(addr, timeout: float):
    # The socket comes from a function defined here, which gives it a timeout.
    def make():
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        return sock
    conn = make()
    try:
        conn.connect(addr)
    except BlockingIOError:
        conn.close()
        raise
    return conn


class TargetConnectionFailed(Exception):
    pass


def connect_or_give_up(sock: socket.socket, addr) -> socket.socket:
    # The socket's mode is not in sight (SO_SNDTIMEO cuts a blocking connect short with
    # EINPROGRESS on Linux); the handler gives up on every path, so an attempt left under way
    # is never used.
    try:
        sock.connect(addr)
    except OSError as e:
        sock.close()
        if e.errno in (errno.ECONNREFUSED, errno.EINPROGRESS, errno.ETIMEDOUT):
            raise TargetConnectionFailed(str(e)) from e
        raise
    return sock


class Client(socket.socket):
    """A project subclass made with the defaults: blocking."""


def establish(addr) -> "Client":
    # InterruptedError named among connection errors in a handler that exits: whatever the
    # mode, no connect still in progress is ever used
    try:
        conn = Client()
        conn.connect(addr)
        conn.sendall(b"hello")
        return conn
    except (TimeoutError, InterruptedError, ConnectionRefusedError):
        raise SystemExit("could not connect")
