# SCK501 ok: the socket handed to `loop.sock_accept()` is the listener, read as a listener's
# `accept()` is read: bound only to loopback here (by a command-line option whose default is
# loopback, passed on through a local name, and handed to the coroutine by its only caller),
# it accepts connections from this host alone unless the user says otherwise.
import argparse
import asyncio
import socket


async def handle(conn: socket.socket) -> None:
    conn.close()


async def server(loop: asyncio.AbstractEventLoop, listener: socket.socket) -> None:
    while True:
        conn, _ = await loop.sock_accept(listener)
        loop.create_task(handle(conn))


async def local_only(loop: asyncio.AbstractEventLoop) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.setblocking(False)
    while True:
        conn, _ = await loop.sock_accept(listener)
        loop.create_task(handle(conn))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="localhost")
    parser.add_argument("--port", type=int, default=8080)
    args = parser.parse_args()
    host = args.host
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, args.port))
    listener.listen()
    listener.setblocking(False)
    loop = asyncio.new_event_loop()
    loop.create_task(server(loop, listener))
    loop.run_forever()
