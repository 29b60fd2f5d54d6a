# SCK102 flag: a private reader with a caller that did not just write on its socket (another
# read came first, or the call sits inside an expression), so its first read may be anywhere
# in the stream.
import socket
import struct


class Client:
    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=5)

    def execute(self, packet: bytes) -> int:
        self._sock.sendall(packet)
        return self._read_length()

    def drain(self) -> int:
        self._sock.recv(1)
        return self._read_length()

    def _read_length(self) -> int:
        return struct.unpack("<I", self._sock.recv(4))[0]  # expect: SCK102


class Pipe:
    def __init__(self, host: str, port: int) -> None:
        self._sock = socket.create_connection((host, port), timeout=5)

    def execute(self, packet: bytes) -> int:
        self._sock.sendall(packet)
        return 1 + self._read_length()

    def _read_length(self) -> int:
        return struct.unpack("<I", self._sock.recv(4))[0]  # expect: SCK102
