# SCK901 ok: an earlier clause of the same try catches every error this clause names
# (select.error is OSError on Python 3), so its comparison never runs on any platform.
import errno
import select
import socket


def wait_readable(sock: socket.socket, timeout: float) -> bool:
    try:
        ready, _, _ = select.select([sock], [], [], timeout)
    except OSError as e:
        if e.errno != errno.EINTR:
            raise
        return False
    except select.error as e:
        if e.args[0] == 11:
            return False
        raise
    return bool(ready)
