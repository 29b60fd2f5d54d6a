# SCK101 ok: datagram sockets (SOCK_DGRAM, multicast) can receive empty datagrams; recvfrom/recv loops there are not EOF loops.
import contextlib
import socket
import struct


def serve_udp(port: int, handler) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("0.0.0.0", port))
    while True:
        payload, addr = sock.recvfrom(2048)
        reply = handler(payload)
        sock.sendto(reply, addr)


def listen_metrics(group: str, port: int, sink: list) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("", port))
    mreq = struct.pack("4sl", socket.inet_aton(group), socket.INADDR_ANY)
    sock.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
    while True:
        datagram = sock.recv(1500)
        sink.append(datagram)


class UEvents:
    """A netlink socket entered on an ExitStack: enter_context() gives the socket itself."""

    def __enter__(self):
        with contextlib.ExitStack() as stack:
            self._link = stack.enter_context(
                socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, 15))
            self._link.setblocking(False)
            self._link.bind((0, 1))
            self._stack = stack.pop_all()
        return self

    def receive_iter(self):
        while True:
            try:
                data = self._link.recv(16384)
            except BlockingIOError:
                break
            yield data
