# SCK204 ok: connections from loop.sock_accept() (already non-blocking), parameters, and attributes set up in __init__.
import asyncio
import logging
import socket

log = logging.getLogger(__name__)


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    srv = socket.create_server(("", port))
    srv.setblocking(False)
    with srv:
        while True:
            try:
                conn, addr = await loop.sock_accept(srv)
            except ConnectionAbortedError:
                continue
            loop.create_task(echo(loop, conn))


async def echo(loop: asyncio.AbstractEventLoop, conn: socket.socket) -> None:
    with conn:
        try:
            while True:
                data = await loop.sock_recv(conn, 4096)
                if not data:
                    break
                await loop.sock_sendall(conn, data)
        except ConnectionError as exc:
            log.info("client went away: %s", exc)


class Client:
    def __init__(self, addr) -> None:
        self.addr = addr
        self.sock = socket.socket()
        self.sock.setblocking(False)

    async def request(self, payload: bytes) -> bytes:
        loop = asyncio.get_running_loop()
        await loop.sock_connect(self.sock, self.addr)
        await loop.sock_sendall(self.sock, payload)
        return await loop.sock_recv(self.sock, 4096)
