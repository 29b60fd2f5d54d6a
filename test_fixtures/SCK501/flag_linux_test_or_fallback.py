# SCK501 flag: epoll used only where it exists (a hasattr test, a try that falls back to
# select), or in a nested helper: the accept loop runs on every system, and on the BSDs and
# macOS a client that resets while queued makes accept() raise ConnectionAbortedError.
import select
import socket


def serve_tested(port: int) -> None:
    srv = socket.create_server(("", port))
    poller = select.epoll() if hasattr(select, "epoll") else None
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        if poller is not None:
            poller.register(conn.fileno(), select.EPOLLIN)


def serve_fallback(port: int) -> None:
    srv = socket.create_server(("", port))
    try:
        poller = select.epoll()
    except AttributeError:
        poller = None
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        conn.close()


def serve_nested(port: int) -> None:
    def linux_poller():
        return select.epoll()

    srv = socket.create_server(("", port))
    while True:
        conn, _ = srv.accept()  # expect: SCK501
        conn.close()
