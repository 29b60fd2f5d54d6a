# SCK204 ok: sockets made non-blocking before asyncio sees them (setblocking(False), settimeout(0), SOCK_NONBLOCK).
import asyncio
import socket


async def fetch(host: str, port: int, request: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    with sock:
        await loop.sock_connect(sock, (host, port))
        await loop.sock_sendall(sock, request)
        chunks = []
        while True:
            chunk = await loop.sock_recv(sock, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


async def banner(host: str, port: int) -> bytes:
    loop = asyncio.get_running_loop()
    with socket.create_connection((host, port), timeout=5.0) as conn:
        conn.settimeout(0)
        return await loop.sock_recv(conn, 1024)


async def linux_probe(addr) -> None:
    loop = asyncio.get_running_loop()
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK) as sock:
        await loop.sock_connect(sock, addr)
        await loop.sock_sendall(sock, b"HEAD / HTTP/1.0\r\n\r\n")


async def self_pipe() -> bytes:
    loop = asyncio.get_running_loop()
    rsock, wsock = socket.socketpair()
    rsock.setblocking(False)
    wsock.setblocking(False)
    with rsock, wsock:
        await loop.sock_sendall(wsock, b"x")
        return await loop.sock_recv(rsock, 1)
