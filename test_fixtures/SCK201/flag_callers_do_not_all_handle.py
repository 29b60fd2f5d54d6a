# SCK201 flag: one step up does not help when a call of the function has no such handler,
# when its handler closes the connection, or when the function is also used out of sight
# (a callback), so that not every call is in view.
import socket
import threading


class Pipe:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.sock.setblocking(False)

    def push(self, data: bytes) -> int:
        return self.sock.send(data) + 0  # expect: SCK201

    def pull(self) -> bytes:
        return self.sock.recv(4096) + b""  # expect: SCK201

    def poke(self) -> int:
        return self.sock.send(b"\0") + 0  # expect: SCK201

    def run(self, data: bytes) -> None:
        try:
            self.push(data)
        except BlockingIOError:
            pass
        self.push(data)
        try:
            self.pull()
        except OSError:
            self.sock.close()
        try:
            self.poke()
        except BlockingIOError:
            pass
        threading.Thread(target=self.poke).start()


class Probe:
    """One call of the class's name has no handler."""

    def __init__(self, sock: socket.socket) -> None:
        sock.setblocking(False)
        self.first = sock.recv(4096)  # expect: SCK201


def probe(sock: socket.socket):
    try:
        return Probe(sock)
    except BlockingIOError:
        return None


def probe_or_fail(sock: socket.socket):
    return Probe(sock)


def _pump(sock: socket.socket) -> bytes:
    sock.setblocking(False)
    return sock.recv(4096)  # expect: SCK201


def start_pump(sock: socket.socket) -> None:
    """A handler around the start of a thread never sees what the thread raises."""
    import threading

    try:
        threading.Thread(target=_pump, args=(sock,)).start()
    except BlockingIOError:
        pass
