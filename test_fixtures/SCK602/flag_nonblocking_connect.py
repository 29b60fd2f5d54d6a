# SCK602 flag: connect_ex() as a statement on a non-blocking socket; an immediate ECONNREFUSED is lost and SO_ERROR then reads 0.
import os
import select
import socket


def open_nonblocking(host: str, port: int, timeout: float) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    sock.connect_ex((host, port))  # expect: SCK602
    _, writable, _ = select.select([], [sock], [], timeout)
    if not writable:
        sock.close()
        raise TimeoutError(f"connect to {host}:{port} timed out")
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err != 0:
        sock.close()
        raise OSError(err, os.strerror(err))
    return sock
