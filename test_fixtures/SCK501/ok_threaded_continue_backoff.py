# SCK501 ok: a blocking accept loop that continues on ConnectionAbortedError and backs off on EMFILE/ENFILE.
import errno
import logging
import socket
import threading
import time

log = logging.getLogger(__name__)


def serve(port: int, handler, stop: threading.Event) -> None:
    with socket.create_server(("", port)) as srv:
        srv.settimeout(1.0)
        while not stop.is_set():
            try:
                conn, addr = srv.accept()
            except socket.timeout:
                continue
            except ConnectionAbortedError:
                continue
            except OSError as e:
                if e.errno in (errno.EMFILE, errno.ENFILE, errno.ENOBUFS, errno.ENOMEM):
                    log.warning("accept: %s; backing off", e)
                    time.sleep(0.5)
                    continue
                raise
            conn.settimeout(None)
            threading.Thread(target=handler, args=(conn, addr), daemon=True).start()
