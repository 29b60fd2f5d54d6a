# SCK201 flag: module-level socket.setdefaulttimeout(0) makes every new socket non-blocking; accept() is unguarded.
import select
import socket

socket.setdefaulttimeout(0)


def accept_next(port: int, timeout: float):
    listener = socket.create_server(("", port))
    with listener:
        readable, _, _ = select.select([listener], [], [], timeout)
        if not readable:
            return None
        client, addr = listener.accept()  # expect: SCK201
        return client, addr
