# SCK201 ok: asyncio's loop.sock_accept/sock_recv/sock_sendall on non-blocking sockets are event-loop calls, never checked.
import asyncio
import socket


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    listener = socket.create_server(("", port))
    listener.setblocking(False)
    while True:
        try:
            client, addr = await loop.sock_accept(listener)
        except ConnectionAbortedError:
            continue
        client.setblocking(False)
        loop.create_task(echo(loop, client))


async def echo(loop: asyncio.AbstractEventLoop, client: socket.socket) -> None:
    with client:
        while True:
            try:
                data = await loop.sock_recv(client, 4096)
            except ConnectionResetError:
                return
            if not data:
                return
            await loop.sock_sendall(client, data)
