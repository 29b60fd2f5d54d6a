# SCK201 ok: one datagram (or a fixed few in straight line) sent on a UDP socket per call of the function, wherever the socket was made non-blocking, or a send a sleep always follows: the send buffer cannot be full, so send/sendto/sendmsg does not raise BlockingIOError.
import logging
import select
import socket
import time

log = logging.getLogger(__name__)


def discover(port: int, timeout: float):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
    sock.setblocking(False)
    sock.sendto(b"!xECNQSTN\r\n", ("255.255.255.255", port))
    sock.sendto(b"!pECNQSTN\r\n", ("255.255.255.255", port))
    found = []
    while select.select([sock], [], [], timeout)[0]:
        try:
            data, addr = sock.recvfrom(1024)
        except BlockingIOError:
            continue  # a datagram that failed its checksum woke select
        found.append((addr, data))
    sock.close()
    return found


def query_v6(host: str, port: int, request: bytes) -> None:
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM | socket.SOCK_NONBLOCK)
    sock.connect((host, port))
    sock.send(request)
    sock.sendmsg([request[:4], request[4:]])
    sock.close()


def ping(host: str, port: int) -> None:
    sock = socket.socket(type=socket.SOCK_DGRAM)
    sock.settimeout(0)
    sock.sendto(b"ping", (host, port))
    sock.close()


class Registrar:
    def start(self, address) -> None:
        self.s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.s.bind(address)
        self.out = self.s

    def register(self, server) -> None:
        self.out.setblocking(True)
        self.out.sendto(b"REGISTER", server)
        self.out.setblocking(False)
        self.out.sendto(b"REGISTER again", server)


def discover_each(interfaces, port: int, timeout: float):
    found = []
    for address, broadcast in interfaces:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # a fresh socket per pass
        sock.setblocking(False)
        sock.bind((address, 0))
        sock.sendto(b"!xECNQSTN\r\n", (broadcast, port))
        sock.sendto(b"!pECNQSTN\r\n", (broadcast, port))
        if select.select([sock], [], [], timeout)[0]:
            try:
                found.append(sock.recvfrom(1024))
            except BlockingIOError:
                pass
        sock.close()
    return found


class Commander:
    """Each request is followed by a pause: however often send() is called, or however
    often the loop goes round, at most one datagram leaves per pause, far below the few
    hundred a full send buffer takes."""

    def __init__(self, server) -> None:
        self.server = server
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setblocking(False)

    def send(self, request: bytes, pause: float = 0.02) -> None:
        self.sock.sendto(request, self.server)
        time.sleep(pause)

    def beacon(self, payload: bytes) -> None:
        while True:
            self.sock.sendto(payload, self.server)
            log.debug("beacon sent")
            time.sleep(1)

    def answer(self, reply: bytes) -> None:
        # the pause comes first in every pass: one reply per pause at most
        while True:
            time.sleep(0.2)
            try:
                request, peer = self.sock.recvfrom(1024)
            except BlockingIOError:
                continue
            if request == b"hello":
                self.sock.sendto(reply, peer)


class UdpEndpoint:
    def __init__(self, server) -> None:
        self.server = server
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)


class CommandEndpoint(UdpEndpoint):
    """The socket is made by the base class of this module; the pause follows the branch
    that sends."""

    def __init__(self, server) -> None:
        super().__init__(server)
        self._sock.setblocking(False)

    def send(self, request: bytes, pause: float = 0.02) -> None:
        if request:
            self._sock.sendto(request, self.server)
        else:
            self._sock.sendto(b"\0", self.server)
        time.sleep(pause)


def query_either_family(server: str, port: int, query: bytes) -> socket.socket:
    # the family is a name bound once to a conditional expression whose arms are both IP
    # families: a UDP socket either way
    family = socket.AF_INET6 if ":" in server else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.setblocking(False)
    sock.connect((server, port))
    sock.send(query)
    return sock


class MetricsClient:
    """One datagram per metric, on a socket made non-blocking in __init__: a per-message
    method sends a handful per call."""

    def __init__(self, address) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setblocking(False)

    def send(self, line: bytes) -> None:
        self.sock.sendto(line, self.address)

    def close(self) -> None:
        self.sock.sendto(b"bye\n", self.address)
        self.sock.close()

    def anycast(self, candidates, data: bytes):
        # the loop is left right after the send: one datagram per call, whatever the list
        for candidate in candidates:
            self.sock.sendto(data, candidate)
            return candidate
        raise RuntimeError("no candidates")
