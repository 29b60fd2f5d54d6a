# SCK602 lookalike: connect_ex() called on unittest.mock objects in tests; they are not sockets.
import socket
import unittest
from unittest import mock


def port_open(sock_factory, host: str, port: int) -> bool:
    with sock_factory() as s:
        return s.connect_ex((host, port)) == 0


class PortOpenTest(unittest.TestCase):
    def test_connect_ex_is_called(self) -> None:
        mock_sock = mock.MagicMock(spec=socket.socket)
        mock_sock.connect_ex.return_value = 0
        mock_sock.connect_ex(("localhost", 22))
        mock_sock.connect_ex.assert_called_once_with(("localhost", 22))

    def test_refused(self) -> None:
        fake = mock.MagicMock()
        fake.__enter__.return_value.connect_ex.return_value = 111
        self.assertFalse(port_open(lambda: fake, "localhost", 22))
