# SCK101 flag: a read run in an executor whose awaited result the loop never checks for
# b"": once the peer closes, every pass hands the executor a read that returns at once.
import asyncio
import socket


async def pump(sock: socket.socket, handle) -> None:
    loop = asyncio.get_running_loop()
    while True:
        data = await loop.run_in_executor(None, lambda: sock.recv(4096))  # expect: SCK101
        handle(data)
