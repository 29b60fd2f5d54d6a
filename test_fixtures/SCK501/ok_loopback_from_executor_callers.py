# SCK501 ok: a host parameter with no default whose every run is in sight and passes a
# loopback host: calls of the function, and runs of it by an executor or a thread with its
# arguments written out (`pool.submit(serve, config=config)`, `loop.run_in_executor(None,
# serve_port, "127.0.0.1", 9001)`, `threading.Thread(target=..., kwargs={...})`), where
# config comes from parse_args() with a loopback default. Only programs on this host reach
# the listeners.
import argparse
import asyncio
import socket
import threading
from concurrent.futures import ThreadPoolExecutor


def handle(conn: socket.socket) -> None:
    conn.close()


def serve(config, stop) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((config.listen_ip, config.listen_port))
        sock.listen()
        while not stop.is_set():
            conn, _ = sock.accept()
            handle(conn)


def serve_port(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen()
        while True:
            conn, _ = sock.accept()
            handle(conn)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--listen_ip", default="127.0.0.1")
    parser.add_argument("--listen_port", type=int, default=7000)
    config = parser.parse_args()
    stop = threading.Event()
    with ThreadPoolExecutor() as pool:
        pool.submit(serve, config=config, stop=stop)
    threading.Thread(target=serve_port, kwargs={"host": "127.0.0.1", "port": 9002}).start()


async def main_async() -> None:
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, serve_port, "127.0.0.1", 9001)
    await asyncio.to_thread(serve_port, host="localhost", port=9003)
