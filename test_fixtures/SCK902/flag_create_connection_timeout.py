# SCK902 flag: create_connection(timeout=...) sockets whose timeouts are tested with 110 / a name / an `in` tuple.
import errno
import logging
import socket

log = logging.getLogger(__name__)


def fetch_status(host: str, port: int) -> bytes:
    conn = socket.create_connection((host, port), timeout=3)
    with conn:
        try:
            conn.sendall(b"STATUS\r\n")
            return conn.recv(256)
        except OSError as e:
            if e.args[0] == 110:  # expect: SCK901 SCK902
                log.warning("%s:%d did not answer", host, port)
                return b""
            raise


def poll(addr, attempts: int) -> bytes:
    conn = socket.create_connection(addr, 10)
    with conn:
        for _ in range(attempts):
            try:
                conn.sendall(b"POLL\r\n")
                reply = conn.recv(64)
            except OSError as exc:
                err = exc.errno
                if err in (errno.ETIMEDOUT, errno.EAGAIN):  # expect: SCK902
                    continue
                raise
            if reply:
                return reply
    return b""


def connect_checked_the_wrong_way(address, timeout: float):
    # the errno test sits in the branch that runs for Python's timeout itself
    try:
        return socket.create_connection(address, timeout=timeout)
    except OSError as e:
        if isinstance(e, socket.timeout):
            if e.errno == errno.ETIMEDOUT:  # expect: SCK902
                return None
        raise


def connect_flag_set_twice(address, timeout: float, strict: bool):
    # a flag bound again before the test no longer says what isinstance said
    try:
        return socket.create_connection(address, timeout=timeout)
    except OSError as e:
        timed = isinstance(e, TimeoutError)
        if strict:
            timed = False
        if not timed:
            if e.errno == errno.ETIMEDOUT:  # expect: SCK902
                return None
        raise
