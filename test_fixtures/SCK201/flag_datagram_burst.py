# SCK201 flag: datagram sends that can find the send buffer full (in a loop or comprehension, on an AF_UNIX datagram socket, with a small SO_SNDBUF, or on a socket of unknown type) and datagram reads stay reported.
import select
import socket
import time


def stream_frames(address, frames) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setblocking(False)
    for frame in frames:
        sock.sendto(frame, address)  # expect: SCK201
    sock.close()


def flood(address, payload: bytes, count: int) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setblocking(False)
    sent = 0
    while sent < count:
        sock.sendto(payload, address)  # expect: SCK201
        sent += 1
    sock.close()


def fan_out(addresses, payload: bytes) -> list:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setblocking(False)
    return [sock.sendto(payload, address) for address in addresses]  # expect: SCK201


class MetricsClient:
    """Flushes a batch of metrics in a burst on a socket made non-blocking elsewhere."""

    def __init__(self, address) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setblocking(False)

    def flush(self, lines) -> None:
        for line in lines:
            self.sock.sendto(line, self.address)  # expect: SCK201


def per_pass_burst(targets, payloads) -> None:
    for address in targets:
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)  # fresh per pass ...
        sock.setblocking(False)
        for payload in payloads:  # ... but a burst on each
            sock.sendto(payload, address)  # expect: SCK201
        sock.close()


def log_local(path: str, message: bytes) -> None:
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.setblocking(False)
    sock.sendto(message, path)  # expect: SCK201
    sock.close()


def small_buffer(address, payload: bytes) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1024)
    sock.setblocking(False)
    sock.sendto(payload, address)  # expect: SCK201
    sock.close()


def send_on(sock: socket.socket, address, payload: bytes) -> None:
    sock.setblocking(False)
    sock.sendto(payload, address)  # expect: SCK201


def ask(address, request: bytes):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setblocking(False)
    sock.sendto(request, address)
    if not select.select([sock], [], [], 1.0)[0]:
        return None
    return sock.recvfrom(2048)  # expect: SCK201


def tcp_once(address, payload: bytes) -> None:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    sock.send(payload)  # expect: SCK601
    sock.send(payload)  # expect: SCK201 SCK601
    sock.close()


class Announcer:
    """A pause of zero, and a pause the loop can skip, pace nothing."""

    def __init__(self, address) -> None:
        self.address = address
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setblocking(False)

    def announce(self, payloads) -> None:
        for payload in payloads:
            self.sock.sendto(payload, self.address)  # expect: SCK201
            time.sleep(0)

    def announce_after_a_pause(self, payloads) -> None:
        # one pause before the loop, none in it: the sends are a burst
        time.sleep(0.2)
        for payload in payloads:
            self.sock.sendto(payload, self.address)  # expect: SCK201

    def announce_all(self, payloads) -> None:
        for payload in payloads:
            self.sock.sendto(payload, self.address)  # expect: SCK201
            if not payload.endswith(b"\n"):
                continue
            time.sleep(0.1)


class LocalEndpoint:
    def __init__(self, path: str) -> None:
        self.path = path
        self._sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)


class LocalCommand(LocalEndpoint):
    """AF_UNIX, made by the base class: a full receiver queue gives EAGAIN at once, so a
    pause after the send does not help."""

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self._sock.setblocking(False)

    def send(self, request: bytes) -> None:
        self._sock.sendto(request, self.path)  # expect: SCK201
        time.sleep(0.1)


def query_local_or_remote(target: str, query: bytes) -> None:
    # one arm is AF_UNIX: a Unix datagram socket fails with EAGAIN at once when the
    # receiver's queue is full, so the family must be in sight
    family = socket.AF_UNIX if target.startswith("/") else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_DGRAM)
    sock.setblocking(False)
    sock.connect(target)
    sock.send(query)  # expect: SCK201


def first_reachable(candidates, data: bytes):
    # the loop is left after the send on some passes only: the others send on
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setblocking(False)
    for candidate in candidates:
        sock.sendto(data, candidate)  # expect: SCK201
        if candidate[0] == "127.0.0.1":
            return candidate
    return None
