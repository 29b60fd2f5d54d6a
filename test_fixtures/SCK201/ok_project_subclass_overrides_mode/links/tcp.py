# A base class whose open() makes its socket non-blocking.
import socket


class TCPLink:
    def __init__(self, host: str, port: int) -> None:
        self.address = (host, port)
        self._socket = None

    def open(self) -> None:
        if self._socket is None:
            self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._socket.connect(self.address)
            self.sock.setblocking(False)

    @property
    def sock(self) -> socket.socket:
        self.open()
        return self._socket
