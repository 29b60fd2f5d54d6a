# SCK502 ok: accept loops that catch OSError without an errno test but back off (in the handler or in the loop body).
import logging
import socket
import time

log = logging.getLogger(__name__)


def serve(srv: socket.socket, spawn) -> None:
    while True:
        try:
            conn, addr = srv.accept()
        except OSError:
            log.exception("accept failed; retrying in 1 s")
            time.sleep(1.0)
            continue
        spawn(conn, addr)


def tarpit(srv: socket.socket, hold, delay: float = 0.2) -> None:
    while True:
        time.sleep(delay)
        try:
            conn, addr = srv.accept()
        except OSError:
            continue
        hold(conn)
