# SCK603 flag: sendall() on a non-blocking socketpair() end, an accepted socket and a SOCK_NONBLOCK socket.
import select
import socket


class Notifier:
    def __init__(self) -> None:
        self.rsock, self.wsock = socket.socketpair()
        self.rsock.setblocking(False)
        self.wsock.setblocking(False)

    def notify(self, event: str) -> None:
        try:
            self.wsock.sendall(event.encode() + b"\n")  # expect: SCK603
        except BlockingIOError:
            pass


def greet_pending(listener: socket.socket, banner: bytes) -> None:
    conn, _ = listener.accept()
    with conn:
        conn.setblocking(False)
        conn.sendall(banner)  # expect: SCK603


def send_once(addr, payload: bytes) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
    with sock:
        try:
            sock.connect(addr)
        except BlockingIOError:
            select.select([], [sock], [], 5.0)
        if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
            sock.sendall(payload)  # expect: SCK603
