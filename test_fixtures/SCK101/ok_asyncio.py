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


class Connection:
    """The loop asks the reader itself: at EOF, read() returns b"" once and at_eof() ends it."""

    def __init__(self, reader: asyncio.StreamReader, config) -> None:
        self.reader = reader
        self.config = config

    async def read_data(self, handle) -> None:
        while not self.reader.at_eof():
            try:
                data = await asyncio.wait_for(self.reader.read(65536), self.config.timeout)
            except (ConnectionError, asyncio.TimeoutError):
                break
            await handle(data)


async def pump(reader: asyncio.StreamReader, sink) -> None:
    while True:
        chunk = await reader.read(4096)
        sink.write(chunk)
        if reader.at_eof():
            break


async def next_line(reader: asyncio.StreamReader) -> bytes:
    # An over-long line is skipped a buffer at a time; at end of file readuntil() raises
    # IncompleteReadError, so the loop cannot spin.
    while True:
        try:
            return await reader.readuntil(b"\n")
        except asyncio.LimitOverrunError as error:
            await reader.read(error.consumed)
