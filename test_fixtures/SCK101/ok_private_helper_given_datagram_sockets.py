# SCK101 ok: a private helper's socket parameter is what every caller passes: here always a datagram socket, where an empty datagram is a message, not an end of file.
import socket


def query(request, addr):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)
    try:
        sock.sendto(request, addr)
        return _read(sock, timeout=2.5)
    finally:
        sock.close()


def query_all(request, addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.sendto(request, addr)
    return _read(s)


def _read(sock, timeout=2.5):
    sock.settimeout(timeout)
    replies = []
    while True:
        try:
            reply = sock.recv(1024)
            if len(reply) == 64:
                replies.append(reply)
        except socket.timeout:
            break
    return replies


class Router:
    """A private method that only its own class calls, as ``self._arp_loop_socket(sock)``,
    each time with a raw packet socket (made inside ``contextlib.closing``, which holds the
    socket it is given): the parameter is that datagram-like socket, which has no EOF."""

    def _arp_loop_socket(self, packet_socket, handle):
        while True:
            try:
                buf = packet_socket.recv(1500)
            except socket.timeout:
                continue
            handle(buf)

    def arp_loop(self, device: str, handle) -> None:
        import contextlib

        with contextlib.closing(socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                                              socket.htons(0x0806))) as packet_socket:
            packet_socket.bind((device, 0x0806))
            self._arp_loop_socket(packet_socket, handle)


def _listen(sock, stop):
    while not stop.is_set():
        packet = sock.recv(2048)
        print(packet)


def start_listener(stop):
    """A thread started on the helper with its arguments written out passes them as a call
    would: here a datagram socket."""
    import threading

    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    udp.bind(("", 5005))
    threading.Thread(target=_listen, args=(udp, stop), daemon=True).start()


def _watch(sock, stop):
    while not stop.is_set():
        packet = sock.recv(2048)
        print(packet)


def start_watchers(pool, stop):
    """An executor's run of the helper, and a thread given its arguments by keyword, pass
    them as calls would: here datagram sockets."""
    import threading

    first = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    pool.submit(_watch, first, stop)
    second = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    threading.Thread(target=_watch, kwargs={"sock": second, "stop": stop}).start()


def _udp_listener() -> socket.socket:
    listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    listener.bind(("127.0.0.1", 0))
    listener.setblocking(False)
    return listener


def _drain(listener: socket.socket) -> list:
    # annotated a socket; every caller passes a datagram socket from the factory above
    received = []
    while True:
        try:
            datagram = listener.recv(65536)
        except BlockingIOError:
            return received
        received.append(datagram)


class TestOsc:
    def test_both(self) -> None:
        with _udp_listener() as first, _udp_listener() as second:
            print(_drain(first), _drain(second))
