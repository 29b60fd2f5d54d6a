# SCK701 in test code: a connection to the test's own server (its address read back from
# the server, or handed in by a fixture) is not reported: a peer on this host cannot vanish
# half-open. A connection to a remote host the test names itself still is.
import socket
import threading

REMOTE = "example.org"


def _one_client(listener: socket.socket) -> None:
    conn, _ = listener.accept()
    with conn:
        conn.sendall(b"hello\r\n")


def test_banner_from_own_server() -> None:
    listener = socket.create_server(("", 0))
    threading.Thread(target=_one_client, args=(listener,), daemon=True).start()
    sock = socket.create_connection(("localhost", listener.getsockname()[1]))
    with sock:
        assert sock.recv(7) == b"hello\r\n"


def test_banner_from_fixture(server_address) -> None:
    sock = socket.socket()
    sock.connect(server_address)
    with sock:
        assert sock.recv(7)


def test_banner_from_the_network() -> None:
    sock = socket.create_connection(("example.com", 80))  # expect: SCK701
    with sock:
        sock.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
        assert sock.recv(12)


def test_banner_through_a_constant() -> None:
    sock = socket.socket()
    sock.connect((REMOTE, 80))  # expect: SCK701
    with sock:
        sock.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
        assert sock.recv(12)
