# SCK901 flag: an if/elif chain one of whose branches does more than report (it retries),
# so the numbers in its tests decide what the program does: on Linux, where "connection
# refused" is 111 and not 10061, the retry never happens.
import logging
import socket
import time

log = logging.getLogger(__name__)


def open_session(host: str, port: int) -> socket.socket:
    while True:
        try:
            return socket.create_connection((host, port), timeout=10)
        except OSError as e:
            if e.errno == 10061:  # expect: SCK901
                log.warning("refused, retrying")
                time.sleep(1)
                continue
            elif e.errno == 10065:  # expect: SCK901
                log.critical("host not reachable")
            raise
