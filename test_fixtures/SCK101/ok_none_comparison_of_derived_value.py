# SCK101 ok: a None comparison that tests something that may be None (a value computed from
# the read, a parser's result), or one next to a real test of the read; or a read the loop
# returns, which goes to the caller as it is.
import socket


def pump(sock: socket.socket, parser) -> None:
    while True:
        data = sock.recv(1024)
        message = parser.feed(data)
        if message is None:
            break
        print(message)


def both(sock: socket.socket) -> None:
    while True:
        data = sock.recv(1024)
        if data is None or not data:
            break
        print(data)


def poll_once(sock, pause):
    """The read's own result is compared with None (a useless test), but the loop returns
    it: the caller gets b"" as it is and sees the end of file."""
    while True:
        try:
            data = sock.recv(4096)
        except BlockingIOError:
            data = None
        if data is not None:
            return data
        pause()
