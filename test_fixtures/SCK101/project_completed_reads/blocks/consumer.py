# The callers' loops: only helpers that can hand out b"" are reported here.
import socket

from blocks.reader import BlockReader, read_block


class Consumer:
    def __init__(self, sock: socket.socket):
        self.reader = BlockReader(sock)
        self.sock = sock
        self.frames = []

    def _frame(self):
        return read_block(self.sock, 16)

    def run_exact(self):
        while True:
            self.frames.append(self.reader.read_exact(16))

    def run_looping(self):
        while True:
            self.frames.append(self.reader.read_looping(16))

    def run_block(self):
        while True:
            self.frames.append(read_block(self.sock, 16))

    def run_frame(self):
        while True:
            self.frames.append(self._frame())

    def run_twice(self):
        while True:
            self.frames.append(self.reader.read_twice(16))  # expect: SCK101

    def run_until_closed(self):
        while True:
            self.frames.append(self.reader.read_until_closed(16))  # expect: SCK101
