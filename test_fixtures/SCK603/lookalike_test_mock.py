# SCK603 lookalike: a unittest.mock stand-in for a socket; setblocking(False) and sendall() on it are recorded calls.
import socket
import unittest
from unittest import mock


def send_greeting(sock, name: str) -> None:
    sock.sendall(b"hello " + name.encode() + b"\n")


class GreetingTest(unittest.TestCase):
    def test_greeting_bytes(self) -> None:
        sock = mock.Mock(spec=socket.socket)
        sock.setblocking(False)
        sock.sendall(b"prelude\n")
        send_greeting(sock, "bob")
        sock.sendall.assert_called_with(b"hello bob\n")
