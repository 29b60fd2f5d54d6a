# SCK702 look-alike: calls on unittest.mock's ``call`` (also ``mock.call`` and pytest-mock's
# ``mocker.call``) build the expected calls a test compares with a mock's ``mock_calls``;
# no socket option is set.
import socket
from unittest import mock
from unittest.mock import call


def test_options_set(mocker):
    sock = mocker.MagicMock(spec=socket.socket)
    configure(sock)
    assert sock.mock_calls == [
        mocker.call.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True),
        mocker.call.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True),
    ]


def test_options_with_call():
    sock = mock.MagicMock(spec=socket.socket)
    configure(sock)
    sock.assert_has_calls([call.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)])
    sock.assert_has_calls([mock.call.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)])


def configure(sock) -> None:
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, True)  # expect: SCK702
