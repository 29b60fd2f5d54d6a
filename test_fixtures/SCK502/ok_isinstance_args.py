# SCK502 ok: handlers that identify the error with isinstance() or e.args[0] before deciding to continue.
import errno
import socket
import time


def serve(srv: socket.socket, spawn) -> None:
    while True:
        try:
            conn, addr = srv.accept()
        except OSError as e:
            if isinstance(e, ConnectionAbortedError):
                continue
            if e.args[0] in (errno.EMFILE, errno.ENFILE):
                time.sleep(0.1)
                continue
            raise
        spawn(conn, addr)
