# SCK401 ok: a lambda given as preexec_fn resets SIGPIPE in the child only; the sender keeps CPython's SIG_IGN.
import signal
import socket
import subprocess


def compress(path: str) -> bytes:
    return subprocess.check_output(
        ["gzip", "-c", path],
        preexec_fn=lambda: signal.signal(signal.SIGPIPE, signal.SIG_DFL),
    )


def send_compressed(conn: socket.socket, path: str) -> None:
    try:
        conn.sendall(compress(path))
    except (BrokenPipeError, ConnectionResetError):
        pass
