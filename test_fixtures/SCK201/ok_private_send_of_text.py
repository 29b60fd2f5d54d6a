# SCK201 ok: a private method whose every call in its module passes a str written in place
# sends a str: on Python 3 send() raises TypeError before the kernel is asked anything, so
# BlockingIOError cannot come from it (Python 2 code that fails on Python 3 otherwise).
import socket


class Downloader:
    def __init__(self, address):
        self.s = socket.create_connection(address)
        self.s.setblocking(False)

    def _send(self, msg):
        try:
            self.s.send(msg)
        except Exception:
            self.s.close()
            raise

    def choose(self, block):
        self._send("choose %s\n" % block)

    def status(self):
        self._send("status\n")
