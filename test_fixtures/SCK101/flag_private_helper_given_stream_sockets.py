# SCK101 flag: a private helper given a stream socket by one caller, a public one, and a private one used as a callback: each may read a stream.
import socket


def query(request, addr):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)
    sock.sendto(request, addr)
    return _read(sock, timeout=2.5)


def fetch(request, addr):
    sock = socket.create_connection(addr, timeout=5)
    sock.sendall(request)
    return _read(sock)


def _read(sock, timeout=2.5):
    sock.settimeout(timeout)
    replies = []
    while True:
        try:
            reply = sock.recv(1024)  # expect: SCK101
            if len(reply) == 64:
                replies.append(reply)
        except socket.timeout:
            break
    return replies


def later(sock, timeout=2.5):
    sock.settimeout(timeout)
    replies = []
    while True:
        try:
            reply = sock.recv(1024)  # expect: SCK101
            if len(reply) == 64:
                replies.append(reply)
        except socket.timeout:
            break
    return replies


def _hidden(sock):
    replies = []
    while True:
        try:
            reply = sock.recv(1024)  # expect: SCK101
            if len(reply) == 64:
                replies.append(reply)
        except socket.timeout:
            break
    return replies


HANDLERS = {"read": _hidden}


class Relay:
    """A private method given a stream socket by one of its callers in the class, and one
    handed on as a callback: either may read a stream."""

    def _pump(self, sock, handle):
        while True:
            data = sock.recv(4096)  # expect: SCK101
            handle(data)

    def _drain(self, sock, handle):
        while True:
            data = sock.recv(4096)  # expect: SCK101
            handle(data)

    def run(self, addr, handle, pool) -> None:
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self._pump(probe, handle)
        conn = socket.create_connection(addr, timeout=5)
        self._pump(conn, handle)
        listener = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        pool.add_reader(listener, self._drain, listener, handle)


def _listen(sock, stop):
    while not stop.is_set():
        packet = sock.recv(2048)  # expect: SCK101
        print(packet)


def start_listeners(stop, more):
    """One thread gets a stream socket; and a thread whose arguments are not written out
    (``args=more``) passes something out of sight."""
    import threading

    tcp = socket.create_connection(("example.org", 5005), timeout=5)
    threading.Thread(target=_listen, args=(tcp, stop), daemon=True).start()


def _watch(sock, stop):
    while not stop.is_set():
        packet = sock.recv(2048)  # expect: SCK101
        print(packet)


def start_watch(stop, more):
    import threading

    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    threading.Thread(target=_watch, args=(udp, stop)).start()
    threading.Thread(target=_watch, args=more).start()


def _drain_annotated(listener: socket.socket) -> list:
    # annotated a socket, and one caller passes a stream socket
    received = []
    while True:
        data = listener.recv(65536)  # expect: SCK101
        received.append(data)


def drain_both() -> None:
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    tcp = socket.create_connection(("example.org", 5005), timeout=5)
    print(_drain_annotated(udp), _drain_annotated(tcp))
