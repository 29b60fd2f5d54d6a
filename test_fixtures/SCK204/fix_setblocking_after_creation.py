# SCK204 fix: setblocking(False) right after the socket is created.
import asyncio
import socket


async def fetch(loop: asyncio.AbstractEventLoop, host: str) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    await loop.sock_connect(sock, (host, 80))  # expect: SCK204
    await loop.sock_sendall(sock, b"GET / HTTP/1.0\r\n\r\n")
    data = await loop.sock_recv(sock, 65536)
    sock.close()
    return data


async def ping(loop: asyncio.AbstractEventLoop, addr) -> None:
    with socket.socket() as sock:
        await loop.sock_connect(sock, addr)  # expect: SCK204
        await loop.sock_sendall(sock, b"ping")


async def no_fix(loop: asyncio.AbstractEventLoop, addr) -> None:
    sock = socket.socket()
    sock.connect(addr)
    await loop.sock_sendall(sock, b"hello")  # expect: SCK204


async def handed_on(loop: asyncio.AbstractEventLoop, addr, pool) -> socket.socket:
    sock = socket.socket()
    await loop.sock_connect(sock, addr)  # expect: SCK204
    pool.put(addr, sock)
    return sock
