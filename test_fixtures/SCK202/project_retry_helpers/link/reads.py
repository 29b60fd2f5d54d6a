"""EINTR retries whose errno set lives in another module: the index reads it."""
from link import errsets
from link.errsets import GONE, RETRY

AGAIN = errsets.RETRY
SETS = (errsets.RETRY[0], errsets.GONE)


def read_imported(sock):
    while True:
        try:
            return sock.recv(4096)
        except OSError as e:
            if e.errno in RETRY:  # expect: SCK202
                continue
            raise


def read_aliased(sock):
    while True:
        try:
            return sock.recv(4096)
        except OSError as e:
            if e.errno in AGAIN:  # expect: SCK202
                continue
            raise


def read_until_gone(sock):
    # ECONNRESET and EPIPE are no EINTR: nothing to report
    while True:
        try:
            return sock.recv(4096)
        except OSError as e:
            if e.errno in GONE:
                return b""
            raise
