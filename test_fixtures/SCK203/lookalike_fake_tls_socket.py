# SCK203 lookalike: a test double with setblocking()/do_handshake()/recv()/send()/sendall() standing in for an SSL socket.
class FakeTlsSocket:
    def __init__(self, script) -> None:
        self._script = list(script)
        self.blocking = True
        self.sent = bytearray()
        self.handshakes = 0

    def setblocking(self, flag: bool) -> None:
        self.blocking = flag

    def do_handshake(self) -> None:
        self.handshakes += 1

    def recv(self, bufsize: int) -> bytes:
        return self._script.pop(0)[:bufsize] if self._script else b""

    def send(self, data: bytes) -> int:
        self.sent += data
        return len(data)

    def sendall(self, data: bytes) -> None:
        self.sent += data


def test_client_roundtrip() -> None:
    tls_sock = FakeTlsSocket([b"HELLO\r\n"])
    tls_sock.setblocking(False)
    tls_sock.do_handshake()
    tls_sock.sendall(b"PING\r\n")
    assert tls_sock.recv(1024) == b"HELLO\r\n"
    assert tls_sock.send(b"QUIT\r\n") == 6
    assert tls_sock.handshakes == 1
