# SCK201 ok: a read run in an executor (``await loop.run_in_executor(None, lambda: ...)``)
# raises out of the await, so the try around the await handles its BlockingIOError.
import asyncio
import socket


async def listen(sock: socket.socket, handle) -> None:
    loop = asyncio.get_running_loop()
    sock.setblocking(False)
    while True:
        try:
            data, addr = await loop.run_in_executor(None, lambda: sock.recvfrom(4096))
            handle(data, addr)
        except BlockingIOError:
            await asyncio.sleep(0.5)


async def listen_with_a_time_limit(sock: socket.socket, handle) -> None:
    # the executor's future awaited through asyncio.wait_for: what it raises still comes
    # out of this await
    loop = asyncio.get_running_loop()
    sock.setblocking(False)
    while True:
        try:
            data, addr = await asyncio.wait_for(
                loop.run_in_executor(None, lambda: sock.recvfrom(4096)), timeout=1.0)
            handle(data, addr)
        except (BlockingIOError, asyncio.TimeoutError):
            await asyncio.sleep(0.5)
