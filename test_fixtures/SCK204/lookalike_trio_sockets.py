# SCK204 lookalike: trio sockets are non-blocking by design and awaited directly; no asyncio loop.sock_* call is involved.
import trio


async def fetch(host: str, port: int, request: bytes) -> bytes:
    sock = trio.socket.socket()
    with sock:
        await sock.connect((host, port))
        view = memoryview(request)
        while view:
            sent = await sock.send(view)
            view = view[sent:]
        chunks = []
        while True:
            chunk = await sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


if __name__ == "__main__":
    print(trio.run(fetch, "example.com", 80, b"GET / HTTP/1.0\r\nHost: example.com\r\n\r\n"))
