# SCK101 ok: asyncio loops that test for b"", plus StreamReader calls outside the rule (readexactly, read() with no size).
import asyncio
import socket


async def echo(loop: asyncio.AbstractEventLoop, sock: socket.socket) -> None:
    while True:
        data = await loop.sock_recv(sock, 4096)
        if not data:
            break
        await loop.sock_sendall(sock, data)


async def fetch(host: str, port: int) -> bytes:
    reader, writer = await asyncio.open_connection(host, port)
    writer.write(b"HELLO\r\n")
    await writer.drain()
    parts = []
    while True:
        chunk = await reader.read(4096)
        if chunk == b"":
            break
        parts.append(chunk)
    writer.close()
    await writer.wait_closed()
    return b"".join(parts)


async def read_frames(reader: asyncio.StreamReader) -> list:
    frames = []
    while not reader.at_eof():
        try:
            header = await reader.readexactly(4)
        except asyncio.IncompleteReadError:
            break
        size = int.from_bytes(header, "big")
        frames.append(await reader.readexactly(size))
    return frames


async def slurp(reader: asyncio.StreamReader) -> bytes:
    body = b""
    while not reader.at_eof():
        body += await reader.read()
    return body
