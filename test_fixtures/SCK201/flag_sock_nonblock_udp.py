# SCK201 flag: SOCK_NONBLOCK in the type (from-import style) makes sendto() in a loop and recvfrom() raise BlockingIOError; unguarded.
import select
from socket import socket, AF_INET, SOCK_DGRAM, SOCK_NONBLOCK, SOL_SOCKET, SO_BROADCAST


def announce(ports, payload: bytes) -> None:
    s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK)
    s.setsockopt(SOL_SOCKET, SO_BROADCAST, 1)
    try:
        for port in ports:  # a burst: the datagrams can fill the send buffer
            s.sendto(payload, ("255.255.255.255", port))  # expect: SCK201
    finally:
        s.close()


def poll_reply(port: int, timeout: float):
    s = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK)
    s.bind(("", port))
    try:
        readable, _, _ = select.select([s], [], [], timeout)
        if not readable:
            return None
        data, addr = s.recvfrom(2048)  # expect: SCK201
        return data, addr
    finally:
        s.close()
