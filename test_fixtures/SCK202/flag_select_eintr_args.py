# SCK202 flag: the py2-era `e.args[0] == errno.EINTR: continue` retry around select.select() is dead code since 3.5.
import errno
import select


def wait_readable(socks, timeout: float):
    while True:
        try:
            readable, _, _ = select.select(socks, [], [], timeout)
        except select.error as e:
            if e.args[0] == errno.EINTR:  # expect: SCK202
                continue
            raise
        return readable
