# SCK101 ok: a recv result returned or yielded inside the loop leaves the EOF test to the caller; the loop cannot spin.
import socket
import threading


def recv_until_stopped(sock: socket.socket, size: int, stop: threading.Event) -> bytes:
    while not stop.is_set():
        try:
            data = sock.recv(size)
        except socket.timeout:
            continue
        return data
    raise RuntimeError("stopped while waiting for data")


def recv_direct(sock: socket.socket, size: int, stop: threading.Event) -> bytes:
    while not stop.is_set():
        try:
            return sock.recv(size)
        except socket.timeout:
            pass
    raise RuntimeError("stopped while waiting for data")


def iter_chunks(sock: socket.socket, size: int = 8192):
    while True:
        chunk = sock.recv(size)
        yield chunk


def copy_all(sock: socket.socket, out) -> None:
    for chunk in iter_chunks(sock):
        if not chunk:
            break
        out.write(chunk)
