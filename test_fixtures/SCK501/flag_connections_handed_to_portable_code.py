# SCK501 flag: the connections are not all handed to code written for Linux alone: the
# handler is portable, the Linux-only one runs only in a branch, or it is not handed the
# connection.
import socket


def _tune(sock: socket.socket) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)


def _handle(sock: socket.socket) -> None:
    sock.sendall(b"hello")
    sock.close()


def serve_portable(port: int) -> None:
    listener = socket.create_server(("", port))
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        _handle(conn)


def serve_tuned_sometimes(port: int, fast: bool) -> None:
    listener = socket.create_server(("", port))
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        if fast:
            _tune(conn)
        _handle(conn)


def serve_tunes_listener(port: int) -> None:
    listener = socket.create_server(("", port))
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        _tune(listener)
        _handle(conn)
