# SCK901 ok: errno constants, comparisons with 0 (success) and None, and errno.errorcode lookups.
import errno
import socket


def push(conn: socket.socket, payload: bytes) -> bool:
    try:
        conn.sendall(payload)
    except OSError as e:
        if e.errno in (errno.ECONNRESET, errno.EPIPE, errno.ESHUTDOWN):
            return False
        if e.errno is None:
            raise TimeoutError("send timed out") from e
        raise
    return True


def port_open(host: str, port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1.0)
        rc = s.connect_ex((host, port))
        return rc == 0


def describe(sock: socket.socket) -> str:
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err != 0:
        return errno.errorcode.get(err, str(err))
    return "ok"
