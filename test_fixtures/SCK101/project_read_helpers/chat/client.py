# The loops: each read comes through a helper.
import socket

from chat import wire
from chat.wire import (
    Channel, read_byte, read_exactly_some, read_header, read_nonempty, read_nonempty_or_log,
    read_some, read_unless_full,
)


class Client:
    def __init__(self, host: str, port: int):
        self.sock = socket.create_connection((host, port), timeout=30)
        self.channel = Channel(self.sock)
        self.running = True
        self.buf = b""

    def _read(self):
        return self.sock.recv(4096)

    def _read_text(self):
        return self.sock.recv(4096).decode("utf-8")

    def _read_or_stop(self):
        data = self.sock.recv(4096)
        if not data:
            return None
        return data

    def pump(self):
        while self.running:
            self.buf += self._read()  # expect: SCK101

    def lines(self, handle):
        while self.running:
            text = self._read_text()  # expect: SCK101
            if text:
                handle(text)

    def lines_checked(self, handle):
        while self.running:
            text = self._read_text()
            if not text:
                break
            handle(text)

    def pump_checked(self):
        while self.running:
            data = self._read()
            if not data:
                break
            self.buf += data

    def pump_sentinel(self):
        while self.running:
            data = self._read_or_stop()
            if data is None:
                break
            self.buf += data

    def relay(self, out: list):
        while True:
            out.append(self.channel.read_chunk())  # expect: SCK101

    def relay_checked(self, out: list):
        while True:
            out.append(self.channel.read_checked())

    def relay_packets(self, out: list):
        while True:
            out.append(self.channel.read_packet())

    def relay_loose(self, out: list):
        while True:
            out.append(self.channel.read_loose())  # expect: SCK101


def collect(sock: socket.socket, out: list) -> None:
    while True:
        out.append(read_some(sock))  # expect: SCK101


def collect_qualified(sock: socket.socket, out: list) -> None:
    while True:
        out.append(wire.read_some(sock))  # expect: SCK101


def collect_checked(sock: socket.socket, out: list) -> None:
    while True:
        out.append(read_exactly_some(sock))


def collect_tested(sock: socket.socket, out: list) -> None:
    while True:
        data = read_some(sock)
        if not data:
            return
        out.append(data)


def read_line(sock: socket.socket) -> bytes:
    # the helper raises when it reads fewer bytes than the one it asked for: at end of file
    line = b""
    byte = read_byte(sock)
    while byte != b"\n":
        line += byte
        byte = read_byte(sock)
    return line


def collect_headers(sock: socket.socket, out: list) -> None:
    # a short header is replaced by a filler: never empty
    while True:
        out.append(read_header(sock))


def collect_twice(sock: socket.socket, out: list) -> None:
    # the test is not true of an empty read: it falls through to a second unchecked read
    while True:
        out.append(read_unless_full(sock))  # expect: SCK101


def collect_nonempty(sock: socket.socket, out: list) -> None:
    # the helper hands out a read only when it is not empty, and raises otherwise
    while True:
        out.append(read_nonempty(sock))


def collect_nonempty_or_log(sock: socket.socket, out: list) -> None:
    # the helper falls through to a print, then returns the empty read
    while True:
        out.append(read_nonempty_or_log(sock))  # expect: SCK101
