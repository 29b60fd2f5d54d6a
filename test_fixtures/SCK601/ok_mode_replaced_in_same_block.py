# SCK601 ok: non-blocking mode that the same block replaces with a timeout before anything
# else can use the socket is not the attribute's mode: the other methods find it in timeout
# mode, where a composed command is taken whole.
import socket


class Instrument:
    def __init__(self, address, timeout: float = 10.0) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setblocking(False)
        self.sock.settimeout(timeout)
        self.sock.connect(address)

    def write(self, channel: int) -> None:
        self.sock.send(("MEAS:VOLT? (@%d)\n" % channel).encode("latin_1"))
