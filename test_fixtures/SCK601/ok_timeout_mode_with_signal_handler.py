# SCK601 ok: the module installs a signal handler, but the socket is in timeout mode on every
# path to the send: send() waits in poll() (retried after the handler returns) and then makes
# one non-blocking send(2), which no signal cuts short; a fixed 12-byte payload fits the
# space the kernel requires before it reports the socket writable.
import signal
import socket

stopping = False


def on_term(signum, frame) -> None:
    global stopping
    stopping = True


signal.signal(signal.SIGTERM, on_term)


def ping(host: str) -> None:
    sock = socket.create_connection((host, 7000), timeout=5)
    sock.send(b"PING 1.0\r\n\r\n")
    sock.close()
