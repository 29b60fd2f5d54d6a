# SCK203/SCK201 ok: a call inside `with pytest.raises(...)` or `with self.assertRaises(...)`
# is a test that it fails. The test decides what the call may raise: the expected
# exception passes it, any other (or a result) fails it, and nothing escapes unnoticed.
import socket
import ssl
import unittest

import pytest


class HandshakeTest(unittest.TestCase):
    def test_want_read(self) -> None:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        ctx.check_hostname = False
        ctx.verify_mode = ssl.CERT_NONE
        with socket.create_server(("127.0.0.1", 0)) as server:
            client = socket.create_connection(server.getsockname(), timeout=5)
            client.setblocking(False)
            with ctx.wrap_socket(client, do_handshake_on_connect=False) as tls:
                with self.assertRaises(ssl.SSLWantReadError):
                    tls.do_handshake()


def test_nothing_to_read() -> None:
    left, right = socket.socketpair()
    with left, right:
        left.setblocking(False)
        with pytest.raises(BlockingIOError):
            left.recv(1)
