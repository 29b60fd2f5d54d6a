# SCK101 flag: the read is written into a buffer and the count the write returns is never tested: at EOF the loop writes b"" for ever.
import socket
import ssl


class TLSPump:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.incoming = ssl.MemoryBIO()

    def pump(self) -> None:
        while True:
            self.incoming.write(self.sock.recv(16384))  # expect: SCK101
