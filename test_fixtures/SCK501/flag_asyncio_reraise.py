# SCK501 flag: `await loop.sock_accept()` in a loop whose ConnectionError handler logs and re-raises.
import asyncio
import logging
import socket

log = logging.getLogger(__name__)


async def serve(port: int, handler) -> None:
    loop = asyncio.get_running_loop()
    listener = socket.create_server(("", port))
    listener.setblocking(False)
    with listener:
        while True:
            try:
                conn, addr = await loop.sock_accept(listener)  # expect: SCK501
            except ConnectionError:
                log.exception("accept failed")
                raise
            conn.setblocking(False)
            loop.create_task(handler(conn, addr))
