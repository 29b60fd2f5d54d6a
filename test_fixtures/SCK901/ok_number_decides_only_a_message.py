# SCK901 ok: the errno comparison only decides whether a message is printed or logged; the
# handler goes on the same way on every platform, so a number that differs changes a message,
# not what the program does.
import logging
import socket

log = logging.getLogger(__name__)


def announce(sock: socket.socket, packet: bytes, address) -> None:
    try:
        sock.sendto(packet, address)
    except OSError as oserr:
        if oserr.errno == 101:
            print("Network is unreachable")


def push(sock: socket.socket, payload: bytes) -> None:
    try:
        sock.sendall(payload)
    except OSError as e:
        if e.errno == 104:
            log.info("peer reset the connection")
            log.debug("payload was %d bytes", len(payload))
