# SCK204 flag: a selector loop, or a loop that is a proactor on one path only, still calls the blocking socket first (sock_sendfile included).
import asyncio
import socket
import sys


def fetch(address):
    loop = asyncio.SelectorEventLoop()
    sock = socket.socket()
    try:
        loop.run_until_complete(loop.sock_connect(sock, address))  # expect: SCK204
        return loop.run_until_complete(loop.sock_recv(sock, 1024))
    finally:
        sock.close()
        loop.close()


def fetch_anywhere(address):
    if sys.platform == "win32":
        loop = asyncio.ProactorEventLoop()
    else:
        loop = asyncio.SelectorEventLoop()
    sock = socket.socket()
    try:
        loop.run_until_complete(loop.sock_connect(sock, address))  # expect: SCK204
        return loop.run_until_complete(loop.sock_recv(sock, 1024))
    finally:
        sock.close()
        loop.close()


async def send_file(address, file):
    loop = asyncio.get_running_loop()
    sock = socket.socket()
    sock.setblocking(False)
    await loop.sock_connect(sock, address)
    sock.setblocking(True)
    await loop.sock_sendfile(sock, file)  # expect: SCK204
