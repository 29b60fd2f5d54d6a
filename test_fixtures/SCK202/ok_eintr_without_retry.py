# SCK202 ok: EINTR handling outside any loop, and an EINTR test around os.close(), which PEP 475 does not retry.
import errno
import os
import select


def poll_once(fds, timeout: float):
    try:
        readable, _, _ = select.select(fds, [], [], timeout)
    except InterruptedError:
        return []
    return readable


def close_all(fds) -> None:
    for fd in fds:
        try:
            os.close(fd)
        except OSError as e:
            if e.errno == errno.EINTR:
                continue
            raise
