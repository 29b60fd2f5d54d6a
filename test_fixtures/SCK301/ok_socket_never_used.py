# SCK301 ok: the socket is only set up, connected and closed in the function, and never
# leaves it: nothing reads, writes or waits on it after the connect, so a failed attempt is
# never taken as open (a probe that only needs the connect to be attempted, such as a test
# target watched from outside).
import socket


def attempt_external_connect() -> None:
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.connect(("198.51.100.1", 443))
    except (BlockingIOError, OSError):
        pass
    finally:
        s.close()
