# SCK501 ok: code written for Linux alone (it uses select.epoll, an AF_PACKET socket or a
# socket option only Linux has, TCP_CORK, with no test or fallback around it, in the
# function or in another method of its class; or a guard leaves it to Linux). Linux
# accepts a connection that was reset while queued (it leaves the listen queue in state
# CLOSE and the first read raises ConnectionResetError), so accept() never fails with
# ECONNABORTED there.
import select
import socket
import sys


def serve_epoll(port: int) -> None:
    srv = socket.create_server(("", port))
    ep = select.epoll()
    conns = {}
    while True:
        conn, _ = srv.accept()
        conn.setblocking(False)
        conns[conn.fileno()] = conn
        ep.register(conn.fileno(), select.EPOLLIN | select.EPOLLET)


class EdgeServer:
    def __init__(self, port: int) -> None:
        self.srv = socket.create_server(("", port))
        self.poller = select.epoll()

    def accept_loop(self) -> None:
        while True:
            conn, _ = self.srv.accept()
            self.poller.register(conn.fileno())


def serve_vsock(port: int) -> None:
    # a VM socket (AF_VSOCK) exists on Linux alone
    srv = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)
    srv.bind((socket.VMADDR_CID_ANY, port))
    srv.listen()
    while True:
        conn, _ = srv.accept()
        conn.close()


class CorkedServer:
    """TCP_CORK is Linux's own option (the BSDs and macOS call theirs TCP_NOPUSH)."""

    def __init__(self, port: int) -> None:
        self.srv = socket.create_server(("", port))

    def serve(self) -> None:
        while True:
            conn, _ = self.srv.accept()
            self.reply(conn)

    def reply(self, conn: socket.socket) -> None:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
        conn.sendall(b"HTTP/1.0 204 No Content\r\n\r\n")
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 0)
        conn.close()


def serve_guarded(port: int) -> None:
    # the rest of the function runs on Linux alone
    assert sys.platform.startswith("linux"), "this server relies on Linux's accept queue"
    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()
        conn.close()
