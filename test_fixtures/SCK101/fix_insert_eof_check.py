# SCK101 fix: `if not data: break` goes right after a plain assignment in the while loop.
import asyncio
import socket


def echo(conn: socket.socket) -> None:
    while True:
        # read what the client sent
        data = conn.recv(4096)  # expect: SCK101
        conn.sendall(data)


def fill(sock: socket.socket, buf: bytearray) -> None:
	while True:
		n = sock.recv_into(buf)  # expect: SCK101
		print(n)


async def relay(loop: asyncio.AbstractEventLoop, sock: socket.socket, out) -> None:
    while True:
        chunk = await loop.sock_recv(sock, 1024)  # expect: SCK101
        out.write(chunk)


def no_fix(sock: socket.socket) -> bytes:
    buf = b""
    while len(buf) < 10:
        buf += sock.recv(10 - len(buf))  # expect: SCK101
    return buf
