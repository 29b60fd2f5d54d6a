# SCK501 flag: `from socket import create_server as listen` in a with-statement; ConnectionAbortedError handled by return.
import concurrent.futures
from socket import create_server as listen


def run(port: int, handle) -> None:
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=32)
    with listen(("", port)) as server:
        while True:
            try:
                client, addr = server.accept()  # expect: SCK501
            except ConnectionAbortedError:
                return
            pool.submit(handle, client, addr)
