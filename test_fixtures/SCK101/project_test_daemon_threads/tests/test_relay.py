# SCK101 in test code: a fake server whose read loop runs only in daemon threads cannot
# keep the test run alive: the process exits with the thread still running, and its spin
# starts only after the code under test misbehaved, which the test reports. A thread that
# is not a daemon keeps pytest from exiting, and stays reported.
import contextlib
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


# A helper called only from functions that run only in daemon threads runs only there too;
# so does a handler handed to the module's own server helper, whose parameter is called
# only in the server's daemon threads.
def _read_head(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(4096)
    return data


class FakeBroker:
    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            conn, _ = self.server.accept()
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn):
        conn.sendall(_read_head(conn))


@contextlib.contextmanager
def socket_server(handler):
    server = socket.create_server(("127.0.0.1", 0))

    def serve():
        conn, _ = server.accept()

        def run(c=conn):
            handler(c)

        threading.Thread(target=run, daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    yield server.getsockname()


def test_a_handler_handed_to_the_server_helper():
    def handler(conn):
        data = b""
        while not data.endswith(b"\n"):
            data += conn.recv(1024)
        conn.sendall(data)

    with socket_server(handler) as address:
        client = socket.create_connection(address)
        client.sendall(b"ping\n")
        assert client.recv(1024) == b"ping\n"


# A helper also called from the test itself, or a handler also called directly, may run in
# the main thread: they stay reported.
def _read_line(conn):
    data = b""
    while not data.endswith(b"\n"):
        data += conn.recv(1024)  # expect: SCK101
    return data


def _serve_lines(conn):
    conn.sendall(_read_line(conn))


def test_read_line_also_called_in_the_test():
    server = socket.create_server(("127.0.0.1", 0))
    threading.Thread(target=_serve_lines, args=(server.accept()[0],), daemon=True).start()
    client = socket.create_connection(server.getsockname())
    assert _read_line(client) == b""


def plain_server(handler):
    server = socket.create_server(("127.0.0.1", 0))
    conn, _ = server.accept()
    handler(conn)


def test_a_handler_run_in_the_main_thread():
    def handler(conn):
        data = b""
        while not data.endswith(b"\n"):
            data += conn.recv(1024)  # expect: SCK101

    plain_server(handler)
