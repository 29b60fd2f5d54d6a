# SCK204 lookalike: a SOCKS5 client whose own sock_connect()/sock_send() methods take host names and bytes, not sockets.
import asyncio
import struct


class Socks5Client:
    def __init__(self, proxy_host: str, proxy_port: int = 1080) -> None:
        self.proxy = (proxy_host, proxy_port)
        self.reader = None
        self.writer = None

    async def sock_connect(self, host: str, port: int) -> None:
        self.reader, self.writer = await asyncio.open_connection(*self.proxy)
        self.writer.write(b"\x05\x01\x00")
        await self.reader.readexactly(2)
        name = host.encode("idna")
        self.writer.write(b"\x05\x01\x00\x03" + bytes([len(name)]) + name + struct.pack("!H", port))
        reply = await self.reader.readexactly(10)
        if reply[1] != 0:
            raise ConnectionError(f"SOCKS5 connect failed with code {reply[1]}")

    async def sock_send(self, data: bytes) -> None:
        self.writer.write(data)
        await self.writer.drain()


async def main() -> None:
    socks = Socks5Client("127.0.0.1", 9050)
    await socks.sock_connect("example.onion", 80)
    await socks.sock_send(b"GET / HTTP/1.0\r\n\r\n")
