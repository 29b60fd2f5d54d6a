# SCK502 ok: a thread's target accepts on a listener the function around it made, and
# closes each connection before it accepts again (one at a time: its own accepts cannot use
# up the descriptors); the function around it closes the listener only after the statement
# that makes the loop end at its next test (stop.set() for `while not stop.is_set():`), so
# EBADF from the closed listener ends the loop instead of spinning.
import socket
import threading


def tls_server(handle):
    listener = socket.socket()
    listener.bind(("0.0.0.0", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except OSError:
                continue
            try:
                handle(raw)
            finally:
                raw.close()

    worker = threading.Thread(target=serve, daemon=True)
    worker.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        worker.join(timeout=5)
        listener.close()
