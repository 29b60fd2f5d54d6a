# SCK501 ok: an application's tests.py (Django's layout, which unittest discovery collects)
# is test code.
import socket
import threading
import unittest


def serve(listener: socket.socket) -> None:
    while True:
        conn, _ = listener.accept()
        conn.close()


class ServeTest(unittest.TestCase):
    def test_accepts(self) -> None:
        listener = socket.create_server(("", 0))
        threading.Thread(target=serve, args=(listener,), daemon=True).start()
        socket.create_connection(listener.getsockname(), timeout=5).close()
