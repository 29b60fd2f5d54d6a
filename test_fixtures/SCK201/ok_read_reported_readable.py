# SCK201 ok: a read of a stream socket reached only right after a readiness wait reported
# that socket readable. The kernel holds data, a FIN or an error for it, so recv() returns
# (or raises that error) at once and never raises BlockingIOError. The wait's timeout does
# not matter here.
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
