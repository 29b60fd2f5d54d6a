# SCK601 lookalike: an awaited send() on an object named like a socket, in a module that
# uses no async library whose sockets are awaited (trio, curio, anyio): a standard-library
# socket's send() returns an int, which cannot be awaited, so this is another connection's
# coroutine (here one that queues the packet for a sender task).
import asyncio
import struct


class PlainSender:
    def __init__(self, connection) -> None:
        self._connection = connection

    async def send(self, msg_id: int, body: bytes) -> bytes:
        await self._connection.send(struct.pack("<qi", msg_id, len(body)) + body)
        return await self._connection.recv()


class QueuedConnection:
    def __init__(self) -> None:
        self._queue: asyncio.Queue = asyncio.Queue()

    async def send(self, data: bytes) -> None:
        await self._queue.put(data)


async def relay(conn, frames) -> None:
    for frame in frames:
        await conn.send(frame)
