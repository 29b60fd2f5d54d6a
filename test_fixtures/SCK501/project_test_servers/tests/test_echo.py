# SCK501 ok: a server a test starts for itself, in a file pytest collects, on every
# interface or not: its clients are the test's own.
import socket
import threading


def serve_forever(listener: socket.socket) -> None:
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=conn.close).start()


def test_echo(echo_server) -> None:
    with socket.create_connection(echo_server, timeout=5) as sock:
        sock.sendall(b"ping")
        assert sock.recv(4) == b"ping"
