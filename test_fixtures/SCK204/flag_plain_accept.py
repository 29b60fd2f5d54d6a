# SCK204 flag: a connection from a plain accept() is blocking even when the listener is not; asyncio needs setblocking(False).
import asyncio
import logging
import socket

log = logging.getLogger(__name__)


async def accept_and_greet(listener: socket.socket, greeting: bytes) -> None:
    """Run as a task once the event loop reported the listener readable."""
    loop = asyncio.get_running_loop()
    conn, addr = listener.accept()
    with conn:
        try:
            await loop.sock_sendall(conn, greeting)  # expect: SCK204
            reply = await loop.sock_recv(conn, 512)
            log.info("%s answered %r", addr, reply)
        except ConnectionError as exc:
            log.info("%s went away: %s", addr, exc)


async def handoff(listener: socket.socket, backend_addr) -> None:
    loop = asyncio.get_running_loop()
    client, _ = listener.accept()
    backend = socket.socket()
    backend.setblocking(False)
    with client, backend:
        await loop.sock_connect(backend, backend_addr)
        first = await loop.sock_recv(client, 4096)  # expect: SCK204
        await loop.sock_sendall(backend, first)
