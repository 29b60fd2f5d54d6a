# SCK701 ok: a send-only connect (no read in the function), and a connected socket received as a parameter.
import socket


def send_log_line(addr, line: str) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with sock:
        sock.connect(addr)
        sock.sendall(line.encode("utf-8") + b"\n")


def read_reply(sock: socket.socket, addr) -> bytes:
    sock.connect(addr)
    return sock.recv(1024)


def notify_then_ask(host: str, port: int, message: bytes) -> bytes:
    """The first socket is only written and closed; the name is bound to a new socket
    before the read, which reads that one (its connect sets a timeout)."""
    tracker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    tracker.connect((host, port))
    tracker.sendall(message)
    tracker.close()
    tracker = socket.create_connection((host, port), timeout=10)
    tracker.sendall(message)
    return tracker.recv(1024)
