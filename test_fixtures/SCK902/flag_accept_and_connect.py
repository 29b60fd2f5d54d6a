# SCK902 flag: an accept() with settimeout(1.0) and a connect() with a variable timeout, both "handled" by ETIMEDOUT tests.
import errno
import socket


def serve(port: int, spawn, stopping) -> None:
    with socket.create_server(("", port)) as srv:
        srv.settimeout(1.0)
        while not stopping():
            try:
                conn, addr = srv.accept()
            except OSError as e:
                if e.errno == errno.ETIMEDOUT:  # expect: SCK902
                    continue
                if e.errno == errno.ECONNABORTED:
                    continue
                raise
            spawn(conn, addr)


def dial(addr, connect_timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(connect_timeout)
    try:
        sock.connect(addr)
    except OSError as exc:
        sock.close()
        if exc.errno in (errno.ETIMEDOUT, errno.EHOSTUNREACH):  # expect: SCK902
            raise ConnectionError(f"{addr} unreachable") from exc
        raise
    return sock
