# SCK902 ok: timeouts caught as socket.timeout / TimeoutError, the way Python raises them.
import socket


def ask(addr, question: bytes):
    with socket.create_connection(addr, timeout=5) as conn:
        conn.sendall(question)
        try:
            return conn.recv(4096)
        except socket.timeout:
            return None


def serve(port: int, spawn, stopping) -> None:
    with socket.create_server(("", port)) as srv:
        srv.settimeout(1.0)
        while not stopping():
            try:
                conn, addr = srv.accept()
            except TimeoutError:
                continue
            except ConnectionAbortedError:
                continue
            spawn(conn, addr)
