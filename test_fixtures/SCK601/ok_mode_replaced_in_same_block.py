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


class Controller:
    """A peek that switches the socket to non-blocking and sets the timeout saved from
    gettimeout() back in a `finally`: the change ends with the try, on every path, so the
    other methods still find the socket in timeout mode."""

    def __init__(self, address) -> None:
        self.sock = socket.create_connection(address, timeout=5)

    def is_connected(self) -> bool:
        try:
            timeout = self.sock.gettimeout()
            self.sock.settimeout(0)
            data = self.sock.recv(16, socket.MSG_PEEK)
            return len(data) > 0
        except BlockingIOError:
            return True
        except OSError:
            return False
        finally:
            self.sock.settimeout(timeout)

    def drain(self) -> bytes:
        saved = self.sock.gettimeout()
        self.sock.setblocking(False)
        try:
            return self.sock.recv(4096)
        except BlockingIOError:
            return b""
        finally:
            self.sock.settimeout(saved)

    def send_command(self, command: str) -> None:
        self.sock.send(f"{command}\n".encode())
