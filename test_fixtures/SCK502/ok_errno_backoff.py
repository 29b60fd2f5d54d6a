# SCK502 ok: `except OSError` around accept() that tests errno and backs off on EMFILE/ENFILE/ENOBUFS/ENOMEM, else re-raises.
import errno
import logging
import socket
import threading
import time

log = logging.getLogger(__name__)


def serve(port: int, handler) -> None:
    with socket.create_server(("", port)) as srv:
        while True:
            try:
                conn, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            except OSError as e:
                if e.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    log.warning("accept: %s; retrying in 100 ms", e)
                    time.sleep(0.1)
                    continue
                raise
            threading.Thread(target=handler, args=(conn, addr), daemon=True).start()
