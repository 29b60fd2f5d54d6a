# SCK501 ok: the accept loop waits for one connection inside an outer server loop, and the
# handler that catches the abort is inside that outer loop, around the inner one: it logs
# and goes round, and the outer loop comes back to accept() on its next pass.
import logging
import socket
import threading


def serve(listener: socket.socket, stop: threading.Event, handle) -> None:
    while not stop.is_set():
        try:
            conn = None
            while conn is None and not stop.is_set():
                try:
                    conn, _ = listener.accept()
                except socket.timeout:
                    continue
            if conn is not None:
                handle(conn)
        except OSError as exc:
            logging.warning("accept failed: %s", exc)


def serve_forever(listener: socket.socket, handle) -> None:
    while True:
        try:
            while True:
                conn, _ = listener.accept()
                handle(conn)
        except Exception:
            logging.exception("server loop failed; accepting again")
            continue
