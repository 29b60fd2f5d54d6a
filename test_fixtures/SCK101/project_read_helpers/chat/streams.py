# Reads through wrapper objects' own recv() methods.
import socket

from chat.wire import SafeStream, Stream


class Pipe:
    def __init__(self, sock: socket.socket):
        self.stream = Stream(sock)
        self.safe = SafeStream(sock)

    def pump(self, out: list):
        while True:
            out.append(self.stream.recv(1024))  # expect: SCK101

    def pump_safe(self, out: list):
        while True:
            out.append(self.safe.recv(1024))
