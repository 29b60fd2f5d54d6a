# SCK501 flag: a threaded accept loop with no handler at all; one ConnectionAbortedError (ECONNABORTED) ends the server.
import socket
import threading


def handle(conn: socket.socket, addr) -> None:
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


def serve_forever(host: str = "0.0.0.0", port: int = 7000) -> None:
    with socket.create_server((host, port), backlog=64) as srv:
        while True:
            conn, addr = srv.accept()  # expect: SCK501
            threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


def serve_with_public(port: int, handle) -> None:
    # the with statement's listener takes every interface
    with socket.create_server(("0.0.0.0", port)) as frontend:
        while True:
            conn, _ = frontend.accept()  # expect: SCK501
            handle(conn)
