# SCK201 ok: sockets switched back with setblocking(True) or a positive settimeout() before I/O are not non-blocking.
import socket


def accept_client(listener: socket.socket):
    listener.setblocking(False)
    try:
        client, addr = listener.accept()
    except BlockingIOError:
        return None
    client.setblocking(True)
    request = client.recv(8192)
    return client, addr, request


def handshake(sock: socket.socket, hello: bytes) -> bytes:
    sock.settimeout(0)
    try:
        stale = sock.recv(1024)
    except BlockingIOError:
        stale = b""
    sock.settimeout(5.0)
    sock.sendall(hello)
    reply = sock.recv(1024)
    return stale + reply


def read_reply(sock: socket.socket, wait_forever: bool) -> bytes:
    if wait_forever:
        sock.setblocking(True)
    else:
        sock.settimeout(2.0)
    return sock.recv(1024)
