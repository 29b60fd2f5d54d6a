# SCK502 lookalike: multiprocessing Listener.accept() with `except Exception: continue` (failed authentication); not a socket.
import logging
from multiprocessing.connection import Listener

log = logging.getLogger(__name__)


def serve(address, authkey: bytes, handle) -> None:
    listener = Listener(address, authkey=authkey)
    try:
        while True:
            try:
                conn = listener.accept()
            except Exception as exc:
                log.warning("rejected client: %s", exc)
                continue
            handle(conn)
    finally:
        listener.close()
