# SCK501 ok: the accept loop hands every connection it takes, in a statement of its own
# body, to a function written for Linux alone (it sets TCP_CORK with no test or fallback):
# anywhere else the server fails on its first connection, so it runs on Linux, whose
# accept() never fails with ECONNABORTED for a connection reset in the queue.
import socket
import threading


def _handle_client(sock: socket.socket) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 1)
    sock.sendall(b"hello")
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_CORK, 0)
    sock.close()


def serve_threads(port: int) -> None:
    listener = socket.create_server(("", port))
    while True:
        client_sock, _ = listener.accept()
        client_sock.settimeout(5)
        worker = threading.Thread(target=_handle_client, args=[client_sock])
        worker.start()


def serve_inline(port: int) -> None:
    listener = socket.create_server(("", port))
    while True:
        conn, _ = listener.accept()
        _handle_client(conn)
