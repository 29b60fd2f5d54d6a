# SCK204 flag: sockets made in the coroutine reach loop.sock_connect() still blocking (no setblocking(False) before the first call).
import asyncio
import socket


async def fetch(host: str, port: int, request: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        await loop.sock_connect(sock, (host, port))  # expect: SCK204
        await loop.sock_sendall(sock, request)
        chunks = []
        while True:
            chunk = await loop.sock_recv(sock, 65536)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        sock.close()


async def ping(host: str, port: int) -> bool:
    loop = asyncio.get_running_loop()
    with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
        await loop.sock_connect(probe, (host, port, 0, 0))  # expect: SCK204
        probe.setblocking(False)  # too late: the connect above already blocked the loop
        await loop.sock_sendall(probe, b"PING\r\n")
        return await loop.sock_recv(probe, 16) == b"PONG\r\n"
