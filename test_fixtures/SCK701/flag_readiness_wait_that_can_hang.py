# SCK701 flag: a readiness wait that can itself wait for ever on the peer (no timeout, this socket alone: reported at the wait), or reads the wait does not gate (reported at the connection).
import select
import socket
import sys


def wait_alone(host: str, port: int) -> bytes:
    # select() with no timeout on this socket alone waits on the peer for ever;
    # settimeout() would not bound it either: the wait needs a timeout.
    sock = socket.socket()
    sock.connect((host, port))
    sock.sendall(b"HELLO\n")
    r, _, _ = select.select([sock], [], [])  # expect: SCK701
    if sock in r:
        return sock.recv(1024)
    return b""


def poll_alone(host: str, port: int) -> bytes:
    sock = socket.socket()
    sock.connect((host, port))
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    for fd, _event in poller.poll():  # expect: SCK701
        if fd == sock.fileno():
            return sock.recv(1024)
    return b""


def read_outside_the_branch(host: str, port: int) -> None:
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    greeting = sock.recv(128)  # before any wait
    if not greeting:
        return
    while True:
        r, _, _ = select.select([sock, sys.stdin], [], [])
        if sock in r:
            data = sock.recv(4096)
            if not data:
                return
            print(greeting, data)


def second_read_in_the_branch(host: str, port: int) -> None:
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    while True:
        r, _, _ = select.select([sock, sys.stdin], [], [])
        if sock in r:
            line = sock.recv(4096)
            if not line:
                return
            more = sock.recv(4096)  # may wait on the peer
            if not more:
                return
            print(line + more)


def else_branch(host: str, port: int) -> None:
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    while True:
        r, _, _ = select.select([sock, sys.stdin], [], [])
        if sys.stdin in r:
            sock.sendall(sys.stdin.readline().encode())
        else:
            data = sock.recv(4096)
            if not data:
                return
            print(data)


def guard_with_other_sources(host: str, port: int) -> None:
    # ``if not r: continue`` only says that something is ready: maybe stdin alone.
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    while True:
        r, _, _ = select.select([sock, sys.stdin], [], [], 1.0)
        if not r:
            continue
        data = sock.recv(4096)
        if not data:
            return
        print(data)


def wait_before_the_loop(host: str, port: int) -> None:
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    r, _, _ = select.select([sock, sys.stdin], [], [])
    while sock in r:
        data = sock.recv(4096)
        if not data:
            return
        print(data)


def buffered_file(host: str, port: int) -> None:
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    reader = sock.makefile("rb")
    while True:
        r, _, _ = select.select([sock, sys.stdin], [], [], 5)
        if sock in r:
            print(reader.readline())  # a line may need more than one segment


def create_connection_alone(host: str, port: int) -> bytes:
    with socket.create_connection((host, port)) as sock:
        r, _, _ = select.select([sock], [], [])  # expect: SCK701
        if r:
            return sock.recv(1024)
    return b""


def returned_after_a_gated_read(host: str, port: int) -> socket.socket:
    # The caller reads it later, out of this function's wait.
    sock = socket.create_connection((host, port))  # expect: SCK701
    r, _, _ = select.select([sock, sys.stdin], [], [])
    if sock in r:
        data = sock.recv(1024)
        if not data:
            raise ConnectionError("closed")
    return sock


def loop_over_ready_list_of_two(host: str, port: int, other) -> None:
    # a pass over the ready list may be for the other source: the read can wait for ever
    sock = socket.socket()
    sock.connect((host, port))  # expect: SCK701
    while True:
        readable, _, _ = select.select([sock, other], [], [])
        for _ in readable:
            data = sock.recv(4096)
            if not data:
                return
