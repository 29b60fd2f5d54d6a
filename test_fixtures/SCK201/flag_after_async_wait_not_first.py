# SCK201 flag: reads and sends that an async readiness wait does not vouch for: another
# `await` between the wait and the call (another task may take the data or the room), a
# second send after one wait, a wait on another socket, a wait before the loop, a call in a
# handler, and a read or send after a call handed the socket.
import anyio
import trio


async def relay(sock, other, log):
    sock.setblocking(False)
    await anyio.wait_socket_readable(sock)
    await log("ready")
    data = sock.recv(1024)  # expect: SCK201
    await anyio.wait_socket_writable(sock)
    sock.send(data)
    sock.send(b"\n")  # expect: SCK201
    await anyio.wait_socket_readable(other)
    return sock.recv(1024)  # expect: SCK201


async def pump(sock, sink):
    sock.setblocking(False)
    await trio.lowlevel.wait_readable(sock)
    while True:
        chunk = sock.recv(4096)  # expect: SCK201
        if not chunk:
            return
        sink(chunk)


async def handshake(sock, check):
    sock.setblocking(False)
    await anyio.wait_socket_writable(sock)
    check(sock)
    if sock.send(b"HELLO\r\n") != 7:  # expect: SCK201
        return None
    try:
        await anyio.wait_socket_readable(sock)
    except OSError:
        return sock.recv(16)  # expect: SCK201
    return None


async def unknown_type(sock):
    sock.setblocking(False)
    await anyio.wait_socket_readable(sock)
    return sock.recvfrom(1024)  # expect: SCK201
