# SCK901 ok: an if/elif/else chain every branch of which only logs: whichever number matches,
# the handler goes on to the same raise, so a number that differs by platform picks another
# message, not another way for the program.
import logging
import socket

log = logging.getLogger(__name__)


def open_session(host: str, port: int) -> socket.socket:
    try:
        return socket.create_connection((host, port), timeout=10)
    except OSError as e:
        if e.errno == 10061:
            log.critical("connection error: possibly wrong port: %s", e)
        elif e.errno == 11001:
            log.critical("connection error: possibly wrong host name: %s", e)
        elif e.errno == 10065:
            log.critical("connection error: host not reachable: %s", e)
        else:
            log.critical("connection error: %s", e)
        raise ConnectionError("connection error: TCP") from e
