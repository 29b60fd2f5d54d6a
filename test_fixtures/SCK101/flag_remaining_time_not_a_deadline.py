# SCK101 flag: names set from the clock that do not bound the loop: a deadline the loop
# moves, a budget that grows, a test that holds before the deadline, and a budget changed
# again in a branch after the clock set it.
import time


def read_moving(sock, marker, timeout):
    deadline = time.monotonic() + timeout
    data = b""
    while marker not in data:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            break
        data += sock.recv(1024)  # expect: SCK101
        deadline = time.monotonic() + timeout


def read_growing(sock, size, budget):
    data = b""
    begin = time.time()
    while size > 0:
        data += sock.recv(size)  # expect: SCK101
        budget += time.time() - begin
        if budget <= 0:
            break
    return data


def read_wrong_way(sock, marker, timeout):
    deadline = time.monotonic() + timeout
    data = b""
    while marker not in data:
        remaining = deadline - time.monotonic()
        if remaining > 0:
            break
        data += sock.recv(1024)  # expect: SCK101
    return data


def read_reset(sock, marker, timeout, extend):
    deadline = time.monotonic() + timeout
    data = b""
    while marker not in data:
        remaining = deadline - time.monotonic()
        if extend:
            remaining = timeout
        if remaining <= 0:
            break
        data += sock.recv(1024)  # expect: SCK101
    return data
