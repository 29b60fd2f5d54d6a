# SCK301 lookalike: loop.sock_connect() on a non-blocking socket reads SO_ERROR itself; it is not the socket's connect().
import asyncio
import socket


async def open_raw(host: str, port: int) -> socket.socket:
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    family, type_, proto, _, addr = infos[0]
    sock = socket.socket(family, type_, proto)
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, addr)
    except OSError:
        sock.close()
        raise
    return sock
