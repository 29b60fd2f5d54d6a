# SCK603 ok: loop.sock_sendall() is the event loop's call; it waits for writability and keeps the offset itself.
import asyncio
import socket


async def push(addr, payload: bytes) -> None:
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)
    with sock:
        await loop.sock_connect(sock, addr)
        await loop.sock_sendall(sock, payload)
        await loop.sock_sendall(sock, b"\r\n.\r\n")
