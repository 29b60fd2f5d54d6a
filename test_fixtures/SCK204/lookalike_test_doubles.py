# SCK204 lookalike: test doubles (a FakeSocket class, mock.Mock(spec=socket.socket)) handed to a fake loop's sock_* methods.
import socket
import unittest
from unittest import mock


class FakeSocket:
    def __init__(self, chunks) -> None:
        self.chunks = list(chunks)
        self.sent = bytearray()


class FakeLoop:
    async def sock_recv(self, sock, n: int) -> bytes:
        return sock.chunks.pop(0)[:n] if sock.chunks else b""

    async def sock_sendall(self, sock, data: bytes) -> None:
        sock.sent += data


class GreetTest(unittest.IsolatedAsyncioTestCase):
    async def test_fake_socket(self) -> None:
        loop = FakeLoop()
        sock = FakeSocket([b"250 ok\r\n"])
        await loop.sock_sendall(sock, b"HELO\r\n")
        self.assertEqual(await loop.sock_recv(sock, 1024), b"250 ok\r\n")
        self.assertEqual(bytes(sock.sent), b"HELO\r\n")

    async def test_mock_socket(self) -> None:
        loop = mock.AsyncMock()
        loop.sock_recv.return_value = b"250 ok\r\n"
        sock = mock.Mock(spec=socket.socket)
        await loop.sock_connect(sock, ("mail.example", 25))
        await loop.sock_sendall(sock, b"HELO\r\n")
        self.assertEqual(await loop.sock_recv(sock, 1024), b"250 ok\r\n")
        loop.sock_sendall.assert_awaited_once_with(sock, b"HELO\r\n")
