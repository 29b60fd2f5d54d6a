# SCK201 flag: a read run in an executor raises out of the await; with no handler around the
# await (or a future kept to await later, whose handlers are out of sight) it is reported.
import asyncio
import socket


async def listen(sock: socket.socket, handle) -> None:
    loop = asyncio.get_running_loop()
    sock.setblocking(False)
    while True:
        data, addr = await loop.run_in_executor(None, lambda: sock.recvfrom(4096))  # expect: SCK201
        handle(data, addr)
