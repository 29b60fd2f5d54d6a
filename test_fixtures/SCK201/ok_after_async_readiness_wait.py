# SCK201 ok: the first read (send) of a socket after `await anyio.wait_socket_readable(sock)`
# (`wait_socket_writable`, or trio's `wait_readable`/`wait_writable`) on that socket, with no
# task switch and no other use of the socket between: the wait reported it readable
# (writable), so the read returns data or end of file (the send copies what fits).
import socket

import anyio
import trio


class Bus:
    def __init__(self, path):
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self._sock.connect(path)
        self._sock.setblocking(False)

    async def read_messages(self, feed):
        while True:
            await anyio.wait_socket_readable(self._sock)
            if self._sock is None:
                return
            data, ancillary, *_ = self._sock.recvmsg(8192, 4096)
            if not data:
                raise anyio.EndOfStream
            feed(data, ancillary)

    async def write_one(self, buf, fds):
        buf = memoryview(buf)
        done = 0
        while done < len(buf):
            await anyio.wait_socket_writable(self._sock)
            if self._sock is None:
                raise EOFError
            if fds:
                ancillary = [(socket.SOL_SOCKET, socket.SCM_RIGHTS, bytes(fds))]
                sent = self._sock.sendmsg([buf[done:]], ancillary)
                fds = None
            else:
                sent = self._sock.send(buf[done:])
            done += sent


async def read_line(sock):
    sock.setblocking(False)
    buf = b""
    while not buf.endswith(b"\r\n"):
        await trio.lowlevel.wait_readable(sock)
        data = sock.recv(1024)
        if not data:
            raise EOFError
        buf += data
    return buf


async def greet(sock):
    sock.setblocking(False)
    await trio.lowlevel.wait_writable(sock)
    try:
        sent = sock.send(b"\0")
    finally:
        pass
    return sent
