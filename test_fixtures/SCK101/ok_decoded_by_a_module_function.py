# SCK101 ok: the read goes straight to a function of this module whose first statement
# decodes its first parameter (struct.unpack of a slice, an index into it in an `if`
# test, json.loads): at end of file that first statement raises, and the exception ends
# the loop instead of letting it spin.
import json
import struct

STATUS = 1


def handle_frame(data, callbacks):
    lengths = struct.unpack("ii", data[:8])
    callbacks.append(lengths)


def decode(text):
    """The message as a dict."""
    return json.loads(text)


class StatusReader:
    def __init__(self, sock):
        self.sock = sock
        self.events = []

    def _process(self, message):
        if message[0] == STATUS:
            self.events.append(message[1:])

    def run(self):
        while True:
            data = self.sock.recv(1024)
            self._process(data)

    def frames(self):
        while True:
            data = self.sock.recv(1024)
            handle_frame(data, self.events)

    def messages(self):
        while True:
            self.events.append(decode(self.sock.recv(4096).decode()))
