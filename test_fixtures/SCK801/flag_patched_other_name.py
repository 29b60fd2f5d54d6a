# SCK801 flag: a test that mocks another name (socket.create_connection) still binds a real
# socket made by socket.socket() on a fixed port; so does one made outside the patched block.
import socket
import unittest
from unittest import mock


class ServerTests(unittest.TestCase):
    def test_real_listener(self) -> None:
        with mock.patch("socket.create_connection"):
            s = socket.socket()
            s.bind(("localhost", 8888))  # expect: SCK801
            s.listen(5)
            s.accept()

    def test_listener_made_before_the_patch(self) -> None:
        s = socket.socket()
        with mock.patch("socket.socket"):
            s.bind(("localhost", 8889))  # expect: SCK801
            s.listen(5)
            s.accept()
