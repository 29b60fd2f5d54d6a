# SCK202 flag: InterruptedError/EINTR retries around os.read(), a selectors select() and time.sleep(), all retried by PEP 475.
import errno
import os
import selectors
import time


def read_pipe(fd: int, size: int) -> bytes:
    while True:
        try:
            return os.read(fd, size)
        except InterruptedError:  # expect: SCK202
            pass


def run_loop(handlers, should_stop) -> None:
    sel = selectors.DefaultSelector()
    for fileobj, callback in handlers:
        sel.register(fileobj, selectors.EVENT_READ, callback)
    while not should_stop():
        try:
            events = sel.select(timeout=1.0)
        except OSError as e:
            if e.errno == errno.EINTR:  # expect: SCK202
                continue
            raise
        for key, mask in events:
            key.data(key.fileobj, mask)


def pause(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return
        try:
            time.sleep(remaining)
        except InterruptedError:  # expect: SCK202
            continue
