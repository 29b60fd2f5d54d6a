# A factory, a base class that connects in __init__, and a stream class whose send()
# writes everything.
import socket


def dial(host, port):
    return socket.create_connection((host, port), timeout=10)


class BaseLink:
    def __init__(self, host, port):
        self.sock = socket.create_connection((host, port), timeout=10)
        self._sock = self.sock

    @property
    def _socket(self):
        return self._sock


class Stream:
    """Writes every byte: loops on the wrapped socket's send() until all is written."""

    def __init__(self, raw):
        self.raw = raw

    def send(self, data):
        view = memoryview(data)
        while view:
            sent = self.raw.send(view)
            view = view[sent:]


class FramedStream(Stream):
    pass


def open_stream(raw):
    raw.settimeout(10)
    return FramedStream(raw)
