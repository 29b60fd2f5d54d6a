# SCK502 flag: an annotated listener whose accept() handler catches (ConnectionAbortedError, EnvironmentError) and continues.
import logging
import queue
import socket

log = logging.getLogger(__name__)


def accept_loop(listener: socket.socket, work: "queue.Queue") -> None:
    while True:
        try:
            conn, addr = listener.accept()  # expect: SCK502
        except (ConnectionAbortedError, EnvironmentError) as exc:
            log.debug("accept: %s", exc)
            continue
        work.put((conn, addr))
