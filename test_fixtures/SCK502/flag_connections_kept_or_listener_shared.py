# SCK502 flag: connections kept past the pass (handed to a thread, or to any call that may
# keep them, with a `continue` before the close) can pile up until accept() fails with EMFILE at once, pass after pass; a listener
# held on the object, or handed in by the caller, can be closed by another method or thread
# under the loop (EBADF for ever).
import socket
import threading


def serve_threads(port: int, handle) -> None:
    s = socket.create_server(("", port))
    while True:
        try:
            conn, _ = s.accept()  # expect: SCK502
        except OSError:
            continue
        threading.Thread(target=handle, args=(conn,)).start()


def serve_skipping(port: int, handle, allowed) -> None:
    s = socket.create_server(("", port))
    while True:
        try:
            conn, addr = s.accept()  # expect: SCK502
        except OSError:
            continue
        if addr[0] not in allowed:
            continue
        with conn:
            handle(conn)


class Server:
    def __init__(self, port: int) -> None:
        self.sock = socket.create_server(("", port))
        self.running = True

    def stop(self) -> None:
        self.sock.close()

    def run(self, handle) -> None:
        while self.running:
            try:
                conn, _ = self.sock.accept()  # expect: SCK502
            except OSError:
                continue
            with conn:
                handle(conn)


def serve_on(listener: socket.socket, handle) -> None:
    while True:
        try:
            conn, _ = listener.accept()  # expect: SCK502
        except OSError:
            continue
        with conn:
            handle(conn)


def serve_logged(port: int, log) -> None:
    """The connection is handed to a call (the log may keep it): not held by its name alone."""
    listener = socket.create_server(("", port))
    while True:
        try:
            peer, _ = listener.accept()  # expect: SCK502
            peer.sendall(b"hello\n")
            log.append(peer)
        except OSError:
            continue


def serve_tls_kept(port: int, context, sessions: list) -> None:
    """The TLS wrapper that owns the connection is kept in a list: not held by a name alone."""
    listener = socket.create_server(("", port))
    while True:
        try:
            raw, _ = listener.accept()  # expect: SCK502
        except OSError:
            continue
        tls = context.wrap_socket(raw, server_side=True)
        sessions.append(tls)


class StoppableControlSocket:
    """The class closes its listener attribute elsewhere (stop() from another thread): the
    loop then retries EBADF for ever."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_server(("", port))

    def stop(self) -> None:
        self.sock.close()

    def serve(self, reply: bytes) -> None:
        while True:
            conn = None
            try:
                conn, _ = self.sock.accept()  # expect: SCK502
                conn.sendall(reply)
            except Exception:
                pass
            finally:
                if conn is not None:
                    conn.close()
