# SCK204 ok: on a ProactorEventLoop (Windows, overlapped I/O) the sock_* calls never call the socket itself, so a blocking socket does not stall that loop.
import asyncio
import socket
import unittest
from asyncio import windows_events


class ProactorTests(unittest.TestCase):
    def setUp(self):
        self.loop = asyncio.ProactorEventLoop()

    def test_close(self):
        a, b = socket.socketpair()
        future = asyncio.ensure_future(self.loop.sock_recv(b, 100), loop=self.loop)
        a.close()
        self.loop.run_until_complete(future)
        b.close()


def fetch_on_windows(address):
    loop = windows_events.ProactorEventLoop()
    sock = socket.socket()
    try:
        loop.run_until_complete(loop.sock_connect(sock, address))
        return loop.run_until_complete(loop.sock_recv(sock, 1024))
    finally:
        sock.close()
        loop.close()
