# SCK203 lookalike: ssl.SSLObject from wrap_bio() over MemoryBIOs has read()/write()/do_handshake() but no socket.
import ssl
from typing import Tuple


class TlsEngine:
    def __init__(self, ctx: ssl.SSLContext, hostname: str) -> None:
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.sslobj = ctx.wrap_bio(self.incoming, self.outgoing, server_hostname=hostname)
        self.handshake_done = False

    def feed(self, data: bytes) -> Tuple[bytes, bytes]:
        """Take ciphertext from the network; return (plaintext, ciphertext to send back)."""
        self.incoming.write(data)
        plaintext = bytearray()
        if not self.handshake_done:
            try:
                self.sslobj.do_handshake()
                self.handshake_done = True
            except ssl.SSLWantReadError:
                return b"", self.outgoing.read()
        while True:
            try:
                chunk = self.sslobj.read(16384)
            except ssl.SSLWantReadError:
                break
            if not chunk:
                break
            plaintext += chunk
        return bytes(plaintext), self.outgoing.read()

    def encrypt(self, data: bytes) -> bytes:
        self.sslobj.write(data)
        return self.outgoing.read()
