# SCK501 ok: a loop that leaves as soon as accept() succeeds (it only waits for the listener
# to become ready) accepts one connection; an abort there is the caller's concern, as in a
# for loop over a known number of clients.
import socket
import sys


class ListeningSocket:
    def __init__(self, sock: socket.socket) -> None:
        self._socket = sock

    def accept(self, wait_readable):
        while True:
            try:
                client, addr = self._socket.accept()
                return ListeningSocket(client), addr
            except BlockingIOError:
                wait_readable(self._socket)


def accept_one(listener: socket.socket, wait_readable) -> socket.socket:
    while True:
        try:
            conn, _ = listener.accept()
            break
        except BlockingIOError:
            wait_readable(listener)
    return conn


def serve_one_client_then_exit(listener: socket.socket, handle) -> None:
    # A call that ends the program (sys.exit(), os._exit(), exit(), quit()) after the
    # accept leaves the loop as a return does: the loop never accepts a second time.
    import sys

    while True:
        conn, _ = listener.accept()
        handle(conn)
        sys.exit(0)


def serve_one_session(port: int) -> None:
    # the session handler ends the program: the loop never goes round
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", port))
    s.listen(5)
    while True:
        client, addr = s.accept()
        print("connection from", addr)
        run_session(client)


def run_session(client: socket.socket) -> None:
    client.sendall(b"hello\n")
    client.close()
    sys.exit(0)
