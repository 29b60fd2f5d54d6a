# SCK101 ok: the count a write() of the read returns is tested; files, io.BytesIO and ssl.MemoryBIO return 0 for b"".
import io
import socket
import ssl


class TLSPump:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.incoming = ssl.MemoryBIO()

    def pump(self) -> None:
        while True:
            if not self.incoming.write(self.sock.recv(16384)):
                raise ConnectionResetError("peer closed")


def slurp(sock: socket.socket) -> bytes:
    buffer = io.BytesIO()
    while True:
        chunk = sock.recv(4096)
        if buffer.write(chunk) == 0:
            break
    return buffer.getvalue()
