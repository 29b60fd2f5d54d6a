# SCK901 ok: a "not now" number (115 is EINPROGRESS on Linux; 35 is EAGAIN on macOS and
# EDEADLK, which no socket call reports, on Linux) compared after calls on sockets that are
# blocking or in timeout mode there: those calls wait, so they never fail with EAGAIN or
# EINPROGRESS on any platform, and the comparison is false everywhere alike.
import socket
import time


def connect_or_retry(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(10)
    try:
        sock.connect((host, port))
    except OSError as e:
        if len(e.args) >= 1 and e.args[0] == 115:
            time.sleep(60)
        raise
    return sock


def read_all(server: socket.socket) -> bytes:
    sock, _ = server.accept()
    chunks = []
    while True:
        try:
            chunk = sock.recv(4096)
        except OSError as e:
            if e.errno == 35:
                continue
            raise
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
