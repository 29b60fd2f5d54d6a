# SCK101 lookalike: multiprocessing Connection.recv() takes no size and raises EOFError; Listener.accept() is not a socket.
import multiprocessing
from multiprocessing.connection import Listener


def worker(conn) -> None:
    while True:
        task = conn.recv()
        conn.send(task * 2)


def run_pool(tasks):
    parent_conn, child_conn = multiprocessing.Pipe()
    proc = multiprocessing.Process(target=worker, args=(child_conn,), daemon=True)
    proc.start()
    results = []
    for task in tasks:
        parent_conn.send(task)
        results.append(parent_conn.recv())
    proc.terminate()
    return results


def serve_jobs(address, authkey: bytes, handle) -> None:
    with Listener(address, authkey=authkey) as listener:
        while True:
            with listener.accept() as conn:
                try:
                    while True:
                        request = conn.recv()
                        conn.send(handle(request))
                except EOFError:
                    pass
