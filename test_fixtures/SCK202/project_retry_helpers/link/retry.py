# Retry helpers and decorators: each is judged by what the project hands it.
import errno
import functools


def until_concludes(f, *args, **kwargs):
    while True:
        try:
            return f(*args, **kwargs)
        except (IOError, OSError) as e:
            if e.args[0] != errno.EINTR:  # expect: SCK202
                raise


def retry_on_eintr(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        while True:
            try:
                return func(*args, **kwargs)
            except InterruptedError:  # expect: SCK202
                continue
    return wrapper


def until_connected(f, *args):
    # Handed a connect(): on a non-blocking socket EINTR means "in progress", so the
    # retry may be live.
    while True:
        try:
            return f(*args)
        except InterruptedError:
            continue


def until_done(f, *args):
    # Nothing in the project hands it a socket call: what it retries is unknown.
    while True:
        try:
            return f(*args)
        except InterruptedError:
            continue
