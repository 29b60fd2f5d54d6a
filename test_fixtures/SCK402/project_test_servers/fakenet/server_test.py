# SCK402/SCK501 ok: a file named as pytest collects tests (``*_test.py``) is test code, and
# its server serves the test's own client.
import socket


def serve_one_test_client(srv: socket.socket) -> None:
    while True:
        conn, _ = srv.accept()
        with conn:
            conn.sendall(b"220 ready\r\n")
            conn.recv(512)
