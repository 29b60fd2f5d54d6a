# SCK201 flag: sends whose payload may be bytes: a public method's parameter (callers in
# other modules may pass anything), a private method one of whose calls passes bytes, and
# one that no call in the module passes anything to.
import socket


class Link:
    def __init__(self, address):
        self.s = socket.create_connection(address)
        self.s.setblocking(False)

    def send_line(self, msg):
        sent = self.s.send(msg)  # expect: SCK201
        return sent

    def _send(self, msg):
        sent = self.s.send(msg)  # expect: SCK201
        return sent

    def _unused(self, msg):
        sent = self.s.send(msg)  # expect: SCK201
        return sent

    def hello(self):
        self.send_line("HELLO\n")
        self._send("status\n")
        self._send(b"\x00")
