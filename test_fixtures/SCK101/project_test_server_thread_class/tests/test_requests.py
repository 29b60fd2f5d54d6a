# SCK101 in test code: handlers handed to the fake server of server.py (another module, a
# base class's method) run only in its daemon thread; the others stay reported.
from server import SocketLevelTest


class TestRequests(SocketLevelTest):
    def test_request_headers(self):
        headers = []

        def socket_handler(listener):
            sock = listener.accept()[0]
            while not b"".join(headers).endswith(b"\r\n\r\n"):
                headers.append(sock.recv(65535))
            sock.send(b"HTTP/1.0 200 OK\r\n\r\n")
            sock.close()

        self._start_server(socket_handler)

    def test_plain_thread(self):
        headers = []

        def socket_handler(listener):
            sock = listener.accept()[0]
            while not b"".join(headers).endswith(b"\r\n\r\n"):
                headers.append(sock.recv(65535))  # expect: SCK101

        self._start_plain_server(socket_handler)

    def test_handler_also_run_in_the_test(self):
        headers = []

        def socket_handler(listener):
            sock = listener.accept()[0]
            while not b"".join(headers).endswith(b"\r\n\r\n"):
                headers.append(sock.recv(65535))  # expect: SCK101

        self._run_handler_here(socket_handler)
