# SCK601 ok: a one-byte write is sent whole or not at all, however the byte is spelled; and a
# short constant is the first write into the empty send buffer of a socket made right here.
import socket

# Every socket made here is in timeout mode: only the exemption keeps send() quiet.
socket.setdefaulttimeout(30)

WAKE = b"!"


class Waker:
    def __init__(self) -> None:
        self.reader, self.writer = socket.socketpair()

    def wake(self) -> None:
        self.writer.send(b"\0")
        self.writer.send(WAKE)
        self.writer.send(bytes(1))
        self.writer.send(bytearray(1))
        self.writer.send(bytes([7]))


def test_both_ends_readable() -> None:
    client, server = socket.socketpair()
    client.send(b"abc")
    server.send(b"abc")
    assert client.recv(3) == server.recv(3) == b"abc"
