# SCK501 ok: accept loops on AF_UNIX listeners; accept() on a local-domain socket never fails with ECONNABORTED (no handshake, nothing a client can reset while queued).
import asyncio
import os
import socket
import threading
from socket import AF_UNIX, SOCK_STREAM


def handle(conn: socket.socket) -> None:
    with conn:
        data = conn.recv(4096)
        if data:
            conn.sendall(data)


def serve_path(path: str) -> None:
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(16)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=handle, args=(conn,), daemon=True).start()


def serve_from_import(path: str) -> None:
    with socket.socket(AF_UNIX, SOCK_STREAM) as srv:
        srv.bind(path)
        srv.listen()
        while True:
            conn, _ = srv.accept()
            handle(conn)


def make_listener(path: str) -> socket.socket:
    if os.path.exists(path):
        os.unlink(path)
    sock = socket.socket(family=socket.AF_UNIX)
    sock.bind(path)
    sock.listen(8)
    return sock


def serve_factory(path: str) -> None:
    listener = make_listener(path)
    while True:
        conn, _ = listener.accept()
        handle(conn)


class ControlServer:
    def __init__(self, path: str) -> None:
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(path)
        self.listener.listen(4)
        self.backup = self._open(path + ".backup")

    def _open(self, path: str) -> socket.socket:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(path)
        sock.listen(4)
        return sock

    def run(self) -> None:
        while True:
            conn, _ = self.listener.accept()
            handle(conn)

    def run_backup(self) -> None:
        while True:
            conn, _ = self.backup.accept()
            handle(conn)


async def serve_async(path: str) -> None:
    loop = asyncio.get_running_loop()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen()
    listener.setblocking(False)
    while True:
        conn, _ = await loop.sock_accept(listener)
        loop.create_task(asyncio.to_thread(handle, conn))


class DeclaredServer:
    """The class body declares the attribute's type; the declaration assigns nothing, so
    the one assignment that makes the listener decides its family."""

    listener: socket.socket

    def __init__(self, path: str) -> None:
        self.listener = socket.socket(socket.AF_UNIX)
        self.listener.bind(path)
        self.listener.listen()

    def run(self) -> None:
        while True:
            conn, _ = self.listener.accept()
            handle(conn)


def owner_main(path: str) -> None:
    """The listener is handed to a function that every call passes an AF_UNIX socket."""
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(path)
        server.listen()
        serve_control(server)


def serve_control(server: socket.socket) -> None:
    while True:
        client, _ = server.accept()
        handle(client)


async def owner_async(path: str) -> None:
    server = socket.socket(AF_UNIX, SOCK_STREAM)
    server.bind(path)
    server.listen()
    server.setblocking(False)
    await serve_handed_async(server)


async def serve_handed_async(server: socket.socket) -> None:
    loop = asyncio.get_running_loop()
    while True:
        client, _ = await loop.sock_accept(server)
        handle(client)


def _serve_thread(server: socket.socket, stop: threading.Event) -> None:
    while not stop.is_set():
        client, _ = server.accept()
        handle(client)


def start_control(path: str, stop: threading.Event) -> None:
    """A thread started on the function with its arguments written out counts as a call."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)
    server.listen()
    threading.Thread(target=_serve_thread, args=(server, stop), daemon=True).start()


def serve_where_available(path: str) -> None:
    # the family read with getattr where the platform may lack it: the socket is AF_UNIX
    # wherever it is made at all
    family = getattr(socket, "AF_UNIX", None)
    if family is None:
        return
    server = socket.socket(family, socket.SOCK_STREAM)
    server.bind(path)
    server.listen(4)
    while True:
        conn, _ = server.accept()
        handle(conn)


class Inbox:
    """The AF_UNIX listener reaches the accept loop through a thread started on a method
    with its arguments written out; another method's parameter of the method's name is not
    a use of the method."""

    def __init__(self, path: str) -> None:
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(path)
        listener.listen()
        threading.Thread(target=self.inbox, args=(listener,), daemon=True).start()

    def inbox(self, listener: socket.socket) -> None:
        while True:
            conn, _ = listener.accept()
            handle(conn)

    def wait(self, inbox: list) -> bool:
        return bool(inbox)
