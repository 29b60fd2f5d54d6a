# SCK402/SCK501/SCK502 ok: test code. The fake servers of a test serve the test's own
# clients: a server loop that one of them ends with a reset, or with an abort while queued,
# fails the test, which is the test's business, and an accept loop stopped by its
# flag cannot use up the descriptors with the test's few clients (EMFILE), nor spin on a
# listener the test closes once it has set the flag (EBADF). SCK502 stays reported on a ``while True`` loop
# that nothing stops: closing its listener leaves it spinning for the rest of the run.
import socket
import threading


def fake_server(srv: socket.socket) -> None:
    while True:
        conn, _ = srv.accept()
        with conn:
            conn.sendall(b"220 ready\r\n")
            conn.recv(512)


def silent_listener():
    sock = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()
    held = []

    def accept_loop() -> None:
        sock.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(sock.accept()[0])
            except OSError:
                continue

    threading.Thread(target=accept_loop, daemon=True).start()
    return sock, stop


def never_stopped(sock: socket.socket) -> None:
    while True:
        try:
            conn, _ = sock.accept()  # expect: SCK502
        except OSError:
            continue
        conn.close()


def test_banner() -> None:
    sock, stop = silent_listener()
    try:
        with socket.create_connection(sock.getsockname(), timeout=1) as client:
            assert client.getpeername()
    finally:
        stop.set()
        sock.close()
