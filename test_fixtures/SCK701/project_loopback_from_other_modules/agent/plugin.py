# SCK701 across modules: a library class whose only callers in the project are its tests
# (tests/test_plugin.py) and an example: they show how it is exercised on one machine, not
# what its users pass, and the connection is reported.
import socket


class PluginClient:
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def fetch(self) -> bytes:
        sock = socket.socket()
        sock.connect((self.host, self.port))  # expect: SCK701
        return sock.recv(1024)
