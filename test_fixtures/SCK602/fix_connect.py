# SCK602 fix (unsafe): connect_ex() becomes connect(), which raises on failure.
import socket


def open_link(host: str, port: int) -> socket.socket:
    sock = socket.create_connection((host, port), timeout=5)
    other = socket.socket()
    other.settimeout(5)
    other.connect_ex((host, port + 1))  # expect: SCK602
    other.sendall(b"hello\n")
    return sock


def no_fix(host: str, port: int) -> socket.socket:
    sock = socket.socket()
    sock.setblocking(False)
    sock.connect_ex((host, port))  # expect: SCK602
    return sock


def connected(sock: socket.socket) -> bool:
    return sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0
