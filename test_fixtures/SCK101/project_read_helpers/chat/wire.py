# Read helpers: none loops, so none is reported itself; their callers' loops are.
import socket


def read_some(sock: socket.socket) -> bytes:
    return sock.recv(4096)


def read_exactly_some(sock: socket.socket) -> bytes:
    data = sock.recv(4096)
    if not data:
        raise ConnectionError("peer closed")
    return data


def read_byte(sock: socket.socket) -> bytes:
    byte = sock.recv(1)
    if len(byte) != 1:
        raise ConnectionError("no more data")
    return byte


def read_header(sock: socket.socket) -> bytes:
    header = sock.recv(8)
    if 8 > len(header):
        return b"\0" * 8
    return header


def read_unless_full(sock: socket.socket) -> bytes:
    data = sock.recv(4096)
    if len(data) != 0:
        return data
    return sock.recv(4096)


def read_nonempty(sock: socket.socket) -> bytes:
    # hands the read out only when it is not empty; an empty read raises
    data = sock.recv(4096)
    if len(data):
        return data
    raise BrokenPipeError("socket connection broken")


def read_nonempty_or_log(sock: socket.socket) -> bytes:
    # a statement between: what follows the test is not the raise itself
    data = sock.recv(4096)
    if len(data) > 0:
        return data
    print("closed")
    return data


class Channel:
    def __init__(self, sock: socket.socket):
        self.sock = sock

    def read_chunk(self) -> bytes:
        return self.sock.recv(4096)

    def read_checked(self) -> bytes:
        chunk = self.sock.recv(4096)
        if chunk == b"":
            raise EOFError
        return chunk

    def _read_sized(self, length: int) -> bytes:
        # a read of no bytes returns b"" with the peer there: the size test keeps it out
        result = self.sock.recv(length)
        if length > 0 and len(result) == 0:
            raise ConnectionError("closed")
        return result

    def read_packet(self) -> bytes:
        size = self._read_sized(1)[0]
        return self._read_sized(size)

    def _read_flagged(self, length: int, strict: bool) -> bytes:
        # joined to a test of something else, the branch may not run at end of file
        result = self.sock.recv(length)
        if strict and not result:
            raise ConnectionError("closed")
        return result

    def read_loose(self) -> bytes:
        return self._read_flagged(4096, False)


class Stream:
    """A wrapper that forwards recv() to its socket: its callers' loops are checked."""

    def __init__(self, sock: socket.socket):
        self._sock = sock

    def recv(self, size: int) -> bytes:
        return self._sock.recv(size)


class SafeStream:
    """A wrapper whose recv() raises at end of file: its callers need no check."""

    def __init__(self, sock: socket.socket):
        self._sock = sock

    def recv(self, size: int) -> bytes:
        data = self._sock.recv(size)
        if not data:
            raise EOFError("peer closed")
        return data
