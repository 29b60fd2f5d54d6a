# SCK101 ok: a read run in an executor, its awaited result checked for b"".
import asyncio
import socket


async def pump(sock: socket.socket, handle) -> None:
    loop = asyncio.get_running_loop()
    while True:
        data = await loop.run_in_executor(None, lambda: sock.recv(4096))
        if not data:
            return
        handle(data)
