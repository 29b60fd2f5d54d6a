# SCK201 in test code: a non-blocking call inside an assertion is what the test checks
# (an exception from it fails the test, as a wrong result would): not reported. The same
# call outside an assertion, where the test only means to use it, is reported.
import socket
import unittest


class ClosedPeerTest(unittest.TestCase):
    def test_reads_end_of_file(self):
        a, b = socket.socketpair()
        a.close()
        b.setblocking(False)
        self.assertEqual(b"", b.recv(1024))

    def test_plain_assert(self):
        a, b = socket.socketpair()
        a.close()
        b.setblocking(False)
        assert b.recv(1024) == b""

    def test_uses_the_read(self):
        a, b = socket.socketpair()
        a.sendall(b"x")
        b.setblocking(False)
        data = b.recv(1024)  # expect: SCK201
        self.assertEqual(data, b"x")
