# SCK602 ok: a connect_ex() statement inside `with pytest.raises(...)` or
# `self.assertRaises(...)`: a test that the call fails, whose result, had it returned one,
# would fail the test anyway.
import socket
import unittest

import pytest


def test_patched_connect_ex_raises() -> None:
    sock = socket.socket()
    with pytest.raises(AssertionError):
        sock.connect_ex(("127.0.0.1", 9))
    sock.close()


class ProbeTest(unittest.TestCase):
    def test_closed_socket(self) -> None:
        sock = socket.socket()
        sock.close()
        with self.assertRaises(OSError):
            sock.connect_ex(("127.0.0.1", 9))
