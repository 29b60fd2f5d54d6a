# SCK801 look-alike: a test that replaces socket.socket with a mock (``with
# mock.patch("socket.socket")``, or ``@patch("socket.socket")`` on the test) binds the mock:
# no kernel socket, no port, no TIME_WAIT.
import socket
import unittest
from unittest import mock
from unittest.mock import patch


class ListenerTests(unittest.TestCase):
    def test_binds_under_a_with(self) -> None:
        with mock.patch("socket.socket") as fake:
            fake.return_value.accept.return_value = (mock.Mock(), ("127.0.0.1", 1))
            s = socket.socket()
            s.bind(("localhost", 8888))
            s.listen(5)
            s.accept()

    @patch("socket.socket")
    def test_binds_under_a_decorator(self, fake) -> None:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        s.bind(("", 9000))
        s.listen()
        self.assertTrue(fake.called)
