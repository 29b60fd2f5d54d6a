# SCK701 ok: the module configures timeouts in a helper (settimeout elsewhere in the module exempts its connections).
import socket

IO_TIMEOUT = 15.0


def _configure(sock: socket.socket) -> socket.socket:
    sock.settimeout(IO_TIMEOUT)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def ask(addr, question: bytes) -> bytes:
    sock = socket.socket()
    _configure(sock)
    with sock:
        sock.connect(addr)
        sock.sendall(question)
        return sock.recv(4096)


def fetch(addr) -> bytes:
    with _configure(socket.create_connection(addr, IO_TIMEOUT)) as conn:
        conn.sendall(b"GET\n")
        return conn.recv(4096)
