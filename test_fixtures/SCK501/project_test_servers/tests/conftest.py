# SCK501 ok: test code. The fixture's server accepts only the test's own clients, on a
# listener the test made; none of them aborts a connection while it is queued, and if one
# did, the loop would end and the test would fail, which is the test's business.
import socket
import threading

import pytest


def _serve(listener: socket.socket) -> None:
    while True:
        conn, _ = listener.accept()
        with conn:
            conn.sendall(conn.recv(1024))


@pytest.fixture
def echo_server():
    listener = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_serve, args=(listener,), daemon=True).start()
    yield listener.getsockname()
    listener.close()
