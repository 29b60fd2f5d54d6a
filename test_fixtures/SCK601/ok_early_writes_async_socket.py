# SCK601 ok: the same on an async library's socket made in the function (curio's socket() is
# non-blocking underneath; an awaited send() makes one send(2) when the buffer has room).
from curio.socket import *


async def lock_step(address) -> bytes:
    sock = socket(AF_INET, SOCK_STREAM)
    await sock.connect(address)
    await sock.recv(8)
    await sock.send(b"Msg1\n")
    await sock.send(b"Msg2\n")
    data = await sock.recv(8192)
    await sock.close()
    return data
