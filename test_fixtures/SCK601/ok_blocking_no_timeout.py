# SCK601 ok: plain blocking sockets with no timeout anywhere on the path, and no Python signal
# handler in the module: a blocking send() waits until it has written everything (Linux and
# the BSDs return a short count only when a signal interrupts the call). settimeout(None) and
# setblocking(True) put a socket back in blocking mode; SO_RCVTIMEO limits receives only;
# SIG_IGN, SIG_DFL and a handler saved with getsignal() install no Python-level handler.
import signal
import socket
import struct


def request(host: str, port: int, frame: bytes) -> None:
    sock = socket.create_connection((host, port))
    sock.sendall(b"HELLO\r\n")
    sock.send(frame)
    sock.close()


def serve_one(port: int, greeting: bytes) -> None:
    with socket.create_server(("", port)) as srv:
        conn, _ = srv.accept()
        with conn:
            conn.send(greeting)


def back_to_blocking(conn: socket.socket, blob: bytes) -> None:
    conn.settimeout(5)
    conn.recv(1)
    conn.settimeout(None)
    conn.send(blob)


def blocking_again(conn: socket.socket, blob: bytes) -> None:
    conn.setblocking(False)
    conn.setblocking(True)
    conn.send(blob)


def receive_timeout_only(conn: socket.socket, blob: bytes) -> bytes:
    conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, struct.pack("ll", 5, 0))
    conn.send(blob)
    return conn.recv(4096)


def quiet_pipes() -> None:
    signal.signal(signal.SIGUSR1, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    previous = signal.getsignal(signal.SIGTERM)
    signal.signal(signal.SIGTERM, previous)
    signal.signal(signal.SIGINT, signal.default_int_handler)
