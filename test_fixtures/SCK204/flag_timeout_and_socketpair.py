# SCK204 flag: a timeout socket (create_connection(timeout=...), settimeout(5)) and socketpair() ends are blocking to asyncio.
import asyncio
import socket


async def read_banner(host: str, port: int) -> bytes:
    loop = asyncio.get_running_loop()
    conn = socket.create_connection((host, port), timeout=5.0)
    with conn:
        banner = await loop.sock_recv(conn, 1024)  # expect: SCK204
        await loop.sock_sendall(conn, b"QUIT\r\n")
    return banner


async def upload(addr, payload: bytes) -> None:
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.settimeout(5)
    with sock:
        await loop.sock_connect(sock, addr)  # expect: SCK204
        await loop.sock_sendall(sock, payload)


class Waker:
    async def self_test(self) -> bool:
        loop = asyncio.get_running_loop()
        rsock, wsock = socket.socketpair()
        try:
            await loop.sock_sendall(wsock, b"\0")  # expect: SCK204
            data = await loop.sock_recv(rsock, 1)  # expect: SCK204
            return data == b"\0"
        finally:
            rsock.close()
            wsock.close()
