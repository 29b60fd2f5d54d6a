# SCK701 ok: every read of the socket comes right after a readiness wait reported it readable, and the wait has a timeout or also waits on other sources.
import select
import selectors
import socket
import sys
import time


def chat(host: str, port: int, boot: bytes) -> None:
    # An interactive session: select() waits for whichever comes first, the user or the peer.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    sock.sendall(boot)
    inputlist = [sock, sys.stdin]
    while 1:
        r, _w, _e = select.select(inputlist, [], [])
        if sys.stdin in r:
            line = sys.stdin.readline()
            sock.sendall(line.encode())
        if sock in r:
            data = sock.recv(4096).decode()
            if not data:
                break
            print(data, end="")


def relay(host: str, port: int, client: socket.socket) -> None:
    # A relay: the wait covers both ends, with elif.
    upstream = socket.socket()
    upstream.connect((host, port))
    while True:
        readable, _, _ = select.select([client, upstream], [], [])
        if client in readable:
            request = client.recv(65536)
            if not request:
                return
            upstream.sendall(request)
        elif upstream in readable:
            data = upstream.recv(65536)
            if not data:
                return
            client.sendall(data)


def poll_status(host: str, port: int) -> bytes:
    # A bounded wait on the socket alone: the read after it cannot block, and the
    # program decides what a silent peer means.
    sock = socket.socket()
    sock.connect((host, port))
    sock.sendall(b"STATUS\n")
    for _attempt in range(10):
        try:
            ready, _, _ = select.select([sock], [], [], 1.0)
        except ValueError:  # the socket was closed
            break
        if not ready:
            continue
        return sock.recv(1024)
    raise TimeoutError("no answer")


def probe(host: str, port: int) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(b"PING\n")
        if sock in select.select([sock], [], [], 5)[0]:
            return sock.recv(64)
    return b""


def watch(host: str, port: int) -> None:
    sock = socket.socket()
    sock.connect((host, port))
    sel = selectors.DefaultSelector()
    sel.register(sock, selectors.EVENT_READ)
    while True:
        for key, _mask in sel.select(timeout=30):
            if key.fileobj is sock:
                data = sock.recv(4096)
                if not data:
                    return
                print(data)


def tail(host: str, port: int, pipe_fd: int) -> None:
    sock = socket.socket()
    sock.connect((host, port))
    poller = select.poll()
    poller.register(sock, select.POLLIN)
    poller.register(pipe_fd, select.POLLIN)
    while True:
        for fd, _event in poller.poll():
            if fd == sock.fileno():
                chunk = sock.recv(4096)
                if not chunk:
                    return
                print(chunk)


class Link:
    """The read runs in a loop over the ready list of a wait with a timeout that watches
    this socket alone: a pass runs only when the socket was reported readable."""

    def __init__(self) -> None:
        self._socket = None

    def open(self, host: str, port: int) -> None:
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.connect((host, port))

    def pump(self) -> None:
        while True:
            readable, _, _ = select.select([self._socket], [], [], 1)
            for _ in readable:
                data = self._socket.recv(4096)
                if not data:
                    return
                print(data)


class Link:
    """The wait is in a try whose handler empties the ready list: after an error the read in
    the loop over that list does not run."""

    def __init__(self) -> None:
        self.sock = None
        self.buffer = bytearray()

    def connect(self, host: str, port: int) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.connect((host, port))

    def pump(self) -> None:
        while True:
            try:
                readable, _, _ = select.select([self.sock], [], [], 1)
            except (OSError, TypeError, ValueError):
                readable = []
            for _ in readable:
                try:
                    data = self.sock.recv(4096)
                except OSError:
                    continue
                if not data:
                    return
                self.buffer += data


def igate(host: str, port: int) -> None:
    # the length of the read list of select's whole result, tested as a list's length
    sock = socket.create_connection((host, port))
    sock.sendall(b"user N0CALL pass -1\r\n")
    while True:
        selected = select.select([sock], [], [], 0)
        if len(selected[0]) > 0:
            data = sock.recv(1024)
            if not data:
                break
            print(data)
        time.sleep(0.1)
