# Helpers that complete a read, and look-alikes that may still return b"".
import socket


class BlockReader:
    MAX_ATTEMPTS = 5

    def __init__(self, sock: socket.socket):
        self.sock = sock

    def read_exact(self, n, depth=0):
        # At end of file it calls itself until the bound raises: never b"".
        if depth > self.MAX_ATTEMPTS:
            raise EOFError("short read")
        data = self.sock.recv(n)
        if len(data) < n:
            data += self.read_exact(n - len(data), depth + 1)
        return data

    def read_looping(self, n):
        # At end of file this loop itself goes round for ever (reported here).
        data = self.sock.recv(n)
        while len(data) < n:
            data += self.sock.recv(n - len(data))  # expect: SCK101
        return data

    def read_twice(self, n):
        # One more read is no completion: at end of file both are b"".
        data = self.sock.recv(n)
        if len(data) < n:
            data += self.sock.recv(n - len(data))
        return data

    def read_until_closed(self, n):
        # The loop may leave with what it has: b"" at end of file.
        data = self.sock.recv(n)
        while len(data) < n:
            chunk = self.sock.recv(n - len(data))
            if not chunk:
                break
            data += chunk
        return data


def read_block(sock: socket.socket, n: int) -> bytes:
    data = sock.recv(n)
    if n > len(data):
        data += read_block(sock, n - len(data))
    return data
