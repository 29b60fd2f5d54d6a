# SCK201 flag: accept() on listeners made non-blocking (setblocking(False), settimeout(0)) with no BlockingIOError guard.
import errno
import select
import socket


class Acceptor:
    def __init__(self, port: int) -> None:
        self.listener = socket.create_server(("", port), backlog=128)
        self.listener.setblocking(False)

    def on_readable(self, register) -> None:
        conn, addr = self.listener.accept()  # expect: SCK201
        conn.setblocking(False)
        register(conn, addr)


def accept_one(port: int, timeout: float):
    lsock = socket.create_server(("", port))
    lsock.settimeout(0)
    readable, _, _ = select.select([lsock], [], [], timeout)
    if not readable:
        lsock.close()
        return None
    client, addr = lsock.accept()  # expect: SCK201
    lsock.close()
    return client, addr


def accept_local_unwatched(path: str, handle) -> None:
    # an AF_UNIX listener accepted on without a readiness report: nothing may be queued
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    listener.setblocking(False)
    conn, _ = listener.accept()  # expect: SCK201
    handle(conn)


def control_channel_unwatched():
    # the function connects the listener's only client, but accepts before any readiness
    # report: the non-blocking connect may not have reached the queue yet
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setblocking(False)
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.setblocking(False)
    err = client.connect_ex(server.getsockname())
    if err not in (0, errno.EINPROGRESS, errno.EWOULDBLOCK):
        raise OSError("cannot connect to itself")
    accepted, _ = server.accept()  # expect: SCK201
    return server, accepted, client
