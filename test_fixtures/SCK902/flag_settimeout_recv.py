# SCK902 flag: a settimeout() socket's timeout tested through errno.ETIMEDOUT; Python's timeout has errno None, so it never matches.
import errno
import socket


def ask(addr, question: bytes, timeout: float = 5.0):
    sock = socket.socket()
    sock.settimeout(timeout)
    with sock:
        sock.connect(addr)
        sock.sendall(question)
        try:
            return sock.recv(4096)
        except OSError as e:
            if e.errno == errno.ETIMEDOUT:  # expect: SCK902
                return None
            raise


def wait_ready(conn: socket.socket) -> bool:
    conn.settimeout(2)
    try:
        return conn.recv(1) == b"R"
    except socket.error as exc:
        if errno.ETIMEDOUT == exc.errno:  # expect: SCK902
            return False
        raise


def read_with_fds(conn: socket.socket, buffers, ancillary_size: int):
    conn.settimeout(2)
    try:
        return conn.recvmsg_into(buffers, ancillary_size)
    except OSError as exc:
        if exc.errno == errno.ETIMEDOUT:  # expect: SCK902
            return None
        raise
