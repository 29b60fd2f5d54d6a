# SCK101 flag: the deadline exit is joined by `and` to a test the loop's condition does not
# imply (a flag the caller passes), so with `strict` false an empty read spins for ever.
import socket
import time


def read_exactly(sock: socket.socket, total: int, timeout: float, strict: bool) -> bytes:
    data = b""
    remaining = total
    start = time.time()
    while remaining > 0:
        data += sock.recv(remaining)  # expect: SCK101
        remaining = total - len(data)
        if strict and time.time() - start > timeout:
            raise TimeoutError("peer too slow")
    return data
