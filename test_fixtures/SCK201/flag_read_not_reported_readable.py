# SCK201 flag: the wait may not have reported the socket readable: a selector asked for
# writing too, a poll registration with no mask (poll's default includes POLLOUT), a second
# read after one report, and a UDP socket (Linux reports one readable for a datagram with a
# bad checksum, which the read drops before raising BlockingIOError).
import select
import selectors
import socket


def either(address) -> bytes:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    selector = selectors.DefaultSelector()
    selector.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
    for key, _ in selector.select(timeout=1):
        if key.fileobj is sock:
            return sock.recv(4096)  # expect: SCK201
    return b""


def default_mask(address) -> bytes:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    poller = select.poll()
    poller.register(sock)
    events = poller.poll(1000)
    if not events:
        return b""
    return sock.recv(4096)  # expect: SCK201


def twice(address) -> bytes:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    readable, _, _ = select.select([sock], [], [], 1.0)
    if sock in readable:
        head = sock.recv(4)
        return head + sock.recv(4096)  # expect: SCK201
    return b""


def datagram(port: int) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    sock.setblocking(False)
    readable, _, _ = select.select([sock], [], [], 1.0)
    if sock in readable:
        return sock.recv(4096)  # expect: SCK201
    return b""


def raw_icmpv6(timeout: float) -> bytes:
    # a raw ICMPv6 socket: its read drops a packet with a bad checksum and fails with EAGAIN
    sock = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
    sock.setblocking(False)
    readable, _, _ = select.select([sock], [], [], timeout)
    if sock in readable:
        return sock.recv(4096)  # expect: SCK201
    return b""


def udp_with_protocol(port: int) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    sock.bind(("", port))
    sock.setblocking(False)
    readable, _, _ = select.select([sock], [], [], 1.0)
    if sock in readable:
        return sock.recv(4096)  # expect: SCK201
    return b""


def either_of_two(address, other: socket.socket) -> bytes:
    # ``ready[0]`` is not empty: one of the two is readable, not necessarily this one.
    sock = socket.create_connection(address)
    sock.setblocking(False)
    ready = select.select([sock, other], [], [], 1.0)
    if ready[0]:
        return sock.recv(4096)  # expect: SCK201
    return b""


def writable_list(address) -> bytes:
    sock = socket.create_connection(address)
    sock.setblocking(False)
    ready = select.select([], [sock], [], 1.0)
    if ready[1]:
        return sock.recv(4096)  # expect: SCK201
    return b""


def datagram_handed_in(sock: socket.socket, timeout: float):
    # recvfrom(), the datagram read, on a socket whose type is not in sight: Linux reports a
    # UDP socket readable for a datagram with a bad checksum, and the read then fails
    sock.setblocking(False)
    ready, _, _ = select.select([sock], [], [], timeout)
    if not ready:
        return None
    return sock.recvfrom(4096)  # expect: SCK201
