# SCK601 ok: a send() statement inside `with pytest.raises(...)`: a test that the call
# fails, not a write whose count matters.
import socket

import pytest


def test_send_after_reset_raises(conn: socket.socket) -> None:
    conn.settimeout(2)
    with pytest.raises(OSError):
        conn.send(b"x" * 100000)
