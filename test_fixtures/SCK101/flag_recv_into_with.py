# SCK101 flag: recv_into() on a with-statement socket adds its count to an offset but never compares it with 0.
import socket
import struct


def fetch_blob(host: str, port: int, key: bytes) -> bytearray:
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(struct.pack("!H", len(key)) + key)
        header = sock.recv(4, socket.MSG_WAITALL)
        if len(header) != 4:
            raise EOFError("short header")
        (size,) = struct.unpack("!I", header)
        payload = bytearray(size)
        view = memoryview(payload)
        pos = 0
        while pos < size:
            n = sock.recv_into(view[pos:])  # expect: SCK101
            pos += n
        return payload


class Feed:
    """A connection entered on an ExitStack is the connection itself, whatever its name."""

    def open(self, address, stack) -> None:
        self.link = stack.enter_context(socket.create_connection(address, timeout=30))

    def pump(self, out: list) -> None:
        while True:
            out.append(self.link.recv(4096))  # expect: SCK101
