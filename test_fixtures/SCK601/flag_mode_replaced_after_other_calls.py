# SCK601 flag: the non-blocking mode holds while another call runs that can reach the socket
# (a method of the object, a function handed the object), so it counts as a mode of the
# attribute: no wait for writability.
import logging
import socket

log = logging.getLogger(__name__)


class Instrument:
    def __init__(self, address, timeout: float = 10.0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.announce()
        self.sock.settimeout(timeout)
        self.sock.connect(address)

    def announce(self) -> None:
        log.debug("socket made")

    def write(self, channel: int) -> None:
        self.sock.send(("MEAS:VOLT? (@%d)\n" % channel).encode("latin_1"))  # expect: SCK601


class Meter:
    def __init__(self, address, timeout: float = 10.0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        register(self)
        self.sock.settimeout(timeout)
        self.sock.connect(address)

    def write(self, channel: int) -> None:
        self.sock.send(("MEAS:CURR? (@%d)\n" % channel).encode("latin_1"))  # expect: SCK601


def register(meter: Meter) -> None:
    log.debug("meter %r", meter)
