# SCK101 ok: the deadline exit is joined by `and` to the name the loop's own test checks
# against zero: where that operand is false the loop ends at its next test, and where it is
# true the deadline ends it; an empty read spins only until the deadline.
import socket
import time


def read_exactly(sock: socket.socket, total: int, timeout: float) -> bytes:
    data = b""
    remaining = total
    start = time.time()
    while remaining > 0:
        data += sock.recv(remaining)
        remaining = total - len(data)
        if remaining and time.time() - start > timeout:
            raise TimeoutError("peer too slow")
    return data
