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


def close(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError as ex:
        if ex.errno in [64, 113]:
            pass
        else:
            log.exception("shutdown failed")
    sock.close()


def push_all(sockets, payload: bytes, verbose: bool) -> None:
    for sock in sockets:
        try:
            sock.sendall(payload)
        except OSError as e:
            if verbose and not e.errno in (32, 104):
                log.debug("send failed with errno %d", e.errno)


class Reader:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.running = True

    def pump(self) -> None:
        try:
            self.sock.recv(4096)
        except OSError as ex:
            # both branches stop the reader; only the else also logs
            if ex.errno == 10038:
                self.running = False
                self.sock.close()
            else:
                self.running = False
                self.sock.close()
                log.error("unhandled error %d", ex.errno)
