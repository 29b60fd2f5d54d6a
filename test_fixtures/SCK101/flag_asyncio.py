# SCK101 flag: loop.sock_recv() and StreamReader.read(n) results are never tested for b"" inside while loops.
import asyncio
import socket


async def relay(loop: asyncio.AbstractEventLoop, sock: socket.socket, queue: asyncio.Queue) -> None:
    while True:
        data = await loop.sock_recv(sock, 4096)  # expect: SCK101
        await queue.put(data)


async def fetch_stream(host: str, port: int, sink) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while True:
            chunk = await reader.read(8192)  # expect: SCK101
            sink.write(chunk)
    finally:
        writer.close()
        await writer.wait_closed()


async def consume(reader: asyncio.StreamReader, parser) -> None:
    while not parser.done:
        parser.feed(await reader.read(1024))  # expect: SCK101


async def pump_other(reader: asyncio.StreamReader, other: asyncio.StreamReader, sink) -> None:
    # at_eof() of a different reader says nothing about this one
    while not other.at_eof():
        sink.write(await reader.read(4096))  # expect: SCK101
