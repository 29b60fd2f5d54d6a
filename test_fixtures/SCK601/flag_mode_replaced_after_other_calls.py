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



class Poller:
    """The saved timeout is set back in a `finally`, but the `try` calls another method
    of the object meanwhile (it may write on the socket in non-blocking mode): the
    non-blocking mode stays among the attribute's modes."""

    def __init__(self, address) -> None:
        self.sock = socket.create_connection(address, timeout=5)

    def peek(self) -> bytes:
        timeout = self.sock.gettimeout()
        self.sock.settimeout(0)
        try:
            self.announce()
            return self.sock.recv(16, socket.MSG_PEEK)
        except BlockingIOError:
            return b""
        finally:
            self.sock.settimeout(timeout)

    def announce(self) -> None:
        log.debug("peeking")

    def send_command(self, command: str) -> None:
        self.sock.send(f"{command}\n".encode())  # expect: SCK601
