# SCK202 ok: a signal handler raises InterruptedError on purpose and the accept loop's branch leaves the loop (no retry).
import signal
import socket


def _on_term(signum, frame):
    raise InterruptedError(f"signal {signum}")


def serve(port: int, handle) -> None:
    signal.signal(signal.SIGTERM, _on_term)
    srv = socket.create_server(("", port))
    with srv:
        while True:
            try:
                conn, addr = srv.accept()
            except InterruptedError:
                break
            except ConnectionAbortedError:
                continue
            handle(conn, addr)
