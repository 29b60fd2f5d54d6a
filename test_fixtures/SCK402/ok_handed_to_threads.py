# SCK402 ok: the accept loop hands each connection to a thread or pool; a reset only ends that client's handler.
import socket
import threading
from concurrent.futures import ThreadPoolExecutor


def handle(conn: socket.socket, addr) -> None:
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


def serve_threads(port: int) -> None:
    with socket.create_server(("", port)) as srv:
        while True:
            try:
                conn, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            threading.Thread(target=handle, args=(conn, addr), daemon=True).start()


def serve_pool(port: int, workers: int = 16) -> None:
    with socket.create_server(("", port)) as srv, ThreadPoolExecutor(workers) as pool:
        while True:
            try:
                conn, addr = srv.accept()
            except ConnectionAbortedError:
                continue
            pool.submit(handle, conn, addr)
