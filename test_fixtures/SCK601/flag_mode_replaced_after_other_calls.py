# SCK601 flag: the non-blocking mode holds while another call runs (a log call may hand
# control elsewhere), so it counts as a mode of the attribute: no wait for writability.
import logging
import socket

log = logging.getLogger(__name__)


class Instrument:
    def __init__(self, address, timeout: float = 10.0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        log.debug("socket made")
        self.sock.settimeout(timeout)
        self.sock.connect(address)

    def write(self, channel: int) -> None:
        self.sock.send(("MEAS:VOLT? (@%d)\n" % channel).encode("latin_1"))  # expect: SCK601
