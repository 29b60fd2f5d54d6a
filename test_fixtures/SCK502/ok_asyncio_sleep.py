# SCK502 ok: an asyncio accept loop that awaits asyncio.sleep() before retrying after an OSError.
import asyncio
import logging
import socket

log = logging.getLogger(__name__)


async def serve(listener: socket.socket, handler) -> None:
    loop = asyncio.get_running_loop()
    while True:
        try:
            conn, addr = await loop.sock_accept(listener)
        except ConnectionAbortedError:
            continue
        except OSError:
            log.exception("accept failed; retrying in 1 s")
            await asyncio.sleep(1.0)
            continue
        loop.create_task(handler(conn, addr))
