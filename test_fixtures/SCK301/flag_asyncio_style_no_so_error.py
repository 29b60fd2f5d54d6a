# SCK301 flag: asyncio-style `except (BlockingIOError, InterruptedError)` that awaits writability but never reads SO_ERROR.
import asyncio
import socket as _socket


async def connect_raw(host: str, port: int) -> _socket.socket:
    loop = asyncio.get_running_loop()
    sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        sock.connect((host, port))  # expect: SCK301
    except (BlockingIOError, InterruptedError):
        fut = loop.create_future()
        loop.add_writer(sock.fileno(), fut.set_result, None)
        try:
            await fut
        finally:
            loop.remove_writer(sock.fileno())
    return sock
