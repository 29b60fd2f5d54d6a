# SCK201 in test code: not reported. A BlockingIOError from a non-blocking call fails the
# test that made it (its own assumption about what has arrived was wrong), which is what a
# test does with any unexpected outcome: no server dies, no connection is lost, nothing
# hangs. Inside an assertion or not, used or not.
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
        data = b.recv(1024)
        self.assertEqual(data, b"x")

    def test_sends(self):
        a, b = socket.socketpair()
        a.setblocking(False)
        a.send(b"ping")
        self.assertEqual(b.recv(4), b"ping")
