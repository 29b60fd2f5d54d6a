# SCK204 ok: blocking sockets kept off the loop (run_in_executor) and a socket from a helper that makes it non-blocking.
import asyncio
import socket


def open_nonblocking(addr) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    return sock


async def query(addr, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    sock = open_nonblocking(addr)
    with sock:
        await loop.sock_connect(sock, addr)
        await loop.sock_sendall(sock, payload)
        return await loop.sock_recv(sock, 4096)


async def legacy_query(addr, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    conn = socket.create_connection(addr, timeout=10)
    with conn:
        await loop.run_in_executor(None, conn.sendall, payload)
        return await loop.run_in_executor(None, conn.recv, 4096)
