# SCK101 in test code: a fake server whose read loop runs only in daemon threads cannot
# keep the test run alive: the process exits with the thread still running, and its spin
# starts only after the code under test misbehaved, which the test reports. A thread that
# is not a daemon keeps pytest from exiting, and stays reported.
import socket
import threading


def test_handshake_in_a_daemon_thread():
    server = socket.create_server(("127.0.0.1", 0))

    def serve():
        conn, _ = server.accept()
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(4096)
        conn.sendall(b"HTTP/1.1 101 Switching Protocols\r\n\r\n")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    client = socket.create_connection(server.getsockname())
    client.sendall(b"GET / HTTP/1.1\r\n\r\n")
    assert client.recv(4096).startswith(b"HTTP/1.1 101")
    thread.join(2)


def test_handshake_in_a_thread_that_keeps_the_run_alive():
    server = socket.create_server(("127.0.0.1", 0))

    def serve():
        conn, _ = server.accept()
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(4096)  # expect: SCK101
        conn.sendall(b"HTTP/1.1 101 Switching Protocols\r\n\r\n")

    thread = threading.Thread(target=serve)
    thread.start()
    client = socket.create_connection(server.getsockname())
    client.sendall(b"GET / HTTP/1.1\r\n\r\n")
    assert client.recv(4096).startswith(b"HTTP/1.1 101")


def test_daemon_set_after_the_thread_is_made():
    server = socket.create_server(("127.0.0.1", 0))

    def serve():
        conn, _ = server.accept()
        data = b""
        while b"\r\n\r\n" not in data:
            data += conn.recv(4096)  # expect: SCK101

    thread = threading.Thread(target=serve)
    thread.daemon = True
    thread.start()


def read_all(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(4096)  # expect: SCK101
    return data


def test_read_all_is_also_called_in_the_test_itself():
    server = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(server.getsockname())
    conn, _ = server.accept()
    threading.Thread(target=read_all, args=(conn,), daemon=True).start()
    client.sendall(b"x\r\n\r\n")
    assert read_all(client) == b""


class FakeServer:
    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        conn, _ = self.server.accept()
        data = b""
        while not data.endswith(b"\n"):
            data += conn.recv(1024)
        conn.sendall(data)
