# SCK201 ok: a read of a stream socket reached only right after a readiness wait reported
# that socket readable. The kernel holds data, a FIN or an error for it, so recv() returns
# (or raises that error) at once and never raises BlockingIOError. The wait's timeout does
# not matter here.
import errno
import select
import selectors
import socket


def fetch(address) -> bytes:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    readable, _, _ = select.select([sock], [], [])
    if sock in readable:
        return sock.recv(4096)
    return b""


def serve_one(listener: socket.socket) -> bytes:
    conn, _ = listener.accept()
    conn.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(conn, selectors.EVENT_READ)
    for key, _ in selector.select(timeout=0):
        if key.fileobj is conn:
            return conn.recv(4096)
    return b""


def poll_one(address) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect(address)
    sock.setblocking(False)
    poller = select.poll()
    poller.register(sock, select.POLLIN | select.POLLPRI)
    while True:
        events = poller.poll(1000)
        if not events:
            continue
        return sock.recv(4096)


def read_list_of_whole_result(address) -> bytes:
    # ``ready[0]`` is select's read list; the wait watched this socket alone.
    sock = socket.create_connection(address)
    sock.setblocking(False)
    ready = select.select([sock], [], [], 2.0)
    if ready[0]:
        return sock.recv(4096)
    return b""


def read_list_guard(address) -> bytes:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    ready = select.select([sock], [], [], 2.0)
    if not ready[0]:
        return b""
    return sock.recv(4096)


class Speaker:
    """The socket comes from a factory defined inside the method."""

    def __init__(self, address):
        self.address = address
        self.sock = None

    def connect(self) -> None:
        def make():
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            return self.sock
        self.sock = make()
        self.sock.connect(self.address)

    def command(self, message: bytes) -> bytes:
        self.sock.sendall(message)
        self.sock.setblocking(False)
        ready = select.select([self.sock], [], [], 2.0)
        if ready[0]:
            data = self.sock.recv(1024)
        else:
            data = b""
        self.sock.setblocking(True)
        return data


def handle_client(client_socket: socket.socket, timeout: float) -> bytes:
    """A socket handed in, read with recv(): the read of a connected stream."""
    client_socket.setblocking(False)
    ready_to_read, _, _ = select.select([client_socket], [], [], timeout)
    if not ready_to_read:
        return b""
    return client_socket.recv(4096)


def accept_local(path: str, handle) -> None:
    # accept() on an AF_UNIX listener the wait just reported readable: a queued local
    # connection is never withdrawn (a client that closed first is still accepted)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    listener.setblocking(False)
    while True:
        readable, _, _ = select.select([listener], [], [], 1.0)
        if listener in readable:
            conn, _ = listener.accept()
            handle(conn)


def accept_loopback(port: int, timeout: float):
    # a TCP listener bound to loopback alone: only a local program that aborts on purpose
    # (SO_LINGER 0) resets a queued connection, as SCK501 reads such listeners
    lsock = socket.create_server(("127.0.0.1", port))
    lsock.settimeout(0)
    readable, _, _ = select.select([lsock], [], [], timeout)
    if not readable:
        lsock.close()
        return None
    client, addr = lsock.accept()
    lsock.close()
    return client, addr


def accept_on_linux(listener: socket.socket, handle) -> None:
    # code that runs on Linux alone (it sets TCP_DEFER_ACCEPT, an option only Linux has):
    # Linux keeps a connection reset while queued in the queue and accept() hands it out,
    # so the report is never stale
    listener.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 5)
    listener.setblocking(False)
    while True:
        readable, _, _ = select.select([listener], [], [], 1.0)
        if listener in readable:
            conn, _ = listener.accept()
            handle(conn)


def control_channel():
    # a socketpair emulation: the function connects the listener's only client itself, so
    # nothing resets the queued connection before the accept the wait reported
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setblocking(False)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    address = server.getsockname()
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.setblocking(False)
    err = client.connect_ex(address)
    if err not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
        raise OSError("cannot connect to itself")
    readable, _, _ = select.select([server], [], [])
    if not readable:
        raise RuntimeError("no connection")
    accepted, _ = server.accept()
    return server, accepted, client


class Pinger:
    # an ICMP ping socket: the kernel checks each echo reply before it queues it
    def __init__(self, timeout: float) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_ICMP)
        self.sock.setblocking(False)
        self.timeout = timeout

    def receive_pong(self):
        readable = select.select([self.sock], [], [], self.timeout)
        if self.sock in readable[0]:
            return self.sock.recvfrom(1024)
        return None

    def receive_pongs(self, handle) -> None:
        # the read list compared with an empty list: the read runs only when it is not
        while True:
            readable = select.select([self.sock], [], [], self.timeout)
            if readable[0] == []:
                return
            handle(self.sock.recvfrom(1024))
