# SCK903 ok: the index only feeds a test for EINTR, and every other error is raised: the
# Python 2 retry of a call that Python 3.5 retries itself (PEP 475). No error the handler was
# written to handle reaches it on Python 3, and any error that does was going to leave the
# handler anyway (the TypeError carries it as its context). SCK202 reports the dead retry.
import errno
import select


def wait(fds, timeout):
    while True:
        try:
            return select.select(fds, [], [], timeout)
        except select.error as err:
            if err[0] == errno.EINTR:  # expect: SCK202
                continue
            else:
                raise


def wait_quietly(poller, timeout):
    while True:
        try:
            return poller.poll(timeout)
        except select.error as err:
            if err[0] != errno.EINTR:  # expect: SCK202
                raise
