# SCK402 lookalike: a multiprocessing Listener loop; its accept() returns a Connection whose send()/recv() are not socket calls.
from multiprocessing.connection import Listener


def serve_jobs(address, authkey: bytes, handle) -> None:
    with Listener(address, authkey=authkey) as listener:
        while True:
            conn = listener.accept()
            try:
                job = conn.recv()
                conn.send(handle(job))
                conn.send_bytes(b"done")
            except EOFError:
                pass
            finally:
                conn.close()
