# SCK302 flag: a `for` retry loop calling connect() on one SOCK_NONBLOCK socket created outside the loop (`import socket as so`).
import errno
import socket as so
import time


def dial(host: str, port: int, attempts: int = 50) -> so.socket:
    s = so.socket(so.AF_INET, so.SOCK_STREAM | so.SOCK_NONBLOCK)
    for attempt in range(attempts):
        try:
            s.connect((host, port))  # expect: SCK302
            return s
        except BlockingIOError:
            time.sleep(0.02 * (attempt + 1))
        except OSError as e:
            if e.errno == errno.EISCONN:
                return s
            s.close()
            raise
    s.close()
    raise TimeoutError(f"{host}:{port} not reachable")
