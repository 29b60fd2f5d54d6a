# SCK302 flag: connect() on an annotated parameter, retried in a while loop while it raises BlockingIOError (in progress).
import errno
import socket
import time


def wait_connected(sock: socket.socket, addr, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            sock.connect(addr)  # expect: SCK302
        except BlockingIOError:
            time.sleep(0.05)
            continue
        except OSError as e:
            if e.errno == errno.EISCONN:
                return
            raise
        return
    raise TimeoutError("connect timed out")
