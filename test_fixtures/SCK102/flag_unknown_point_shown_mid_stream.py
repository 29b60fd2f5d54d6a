# SCK102 flag: readers that find their socket at an unknown point of its stream, where the
# module shows them running in the middle of it: called in a loop that writes nothing earlier
# in the pass, called after a read (also through a function of the module that reads),
# handed on as a callback (an event loop runs it on every readable event), or called at the
# start of a function that is itself called that way.
import selectors
import socket
import struct


def read_length(sock: socket.socket) -> int:
    return struct.unpack("!I", sock.recv(4))[0]  # expect: SCK102


def stream(sock: socket.socket) -> None:
    while True:
        size = read_length(sock)
        data = sock.recv(size)
        if not data:
            break
        print(data)


def read_kind(sock: socket.socket) -> int:
    return struct.unpack("!H", sock.recv(2))[0]  # expect: SCK102


def skip_banner(sock: socket.socket) -> bytes:
    return sock.recv(1024)


def after_banner(sock: socket.socket) -> int:
    skip_banner(sock)
    return read_kind(sock)


def on_readable(conn: socket.socket, mask: int) -> None:
    (size,) = struct.unpack("!I", conn.recv(4))  # expect: SCK102
    print(conn.recv(size))


def serve(selector: selectors.BaseSelector, conn: socket.socket) -> None:
    selector.register(conn, selectors.EVENT_READ, on_readable)


class Session:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.running = True

    def _read_header(self) -> tuple:
        return struct.unpack("!HH", self.sock.recv(4))  # expect: SCK102

    def _next_message(self) -> bytes:
        kind, size = self._read_header()
        return self.sock.recv(size)

    def run(self) -> None:
        while self.running:
            message = self._next_message()
            if not message:
                break
            print(message)


def read_record(conn: socket.socket) -> int:
    return struct.unpack("!I", conn.recv(4))[0]  # expect: SCK102


def copy_records(conn: socket.socket, out) -> None:
    # the write before each call is to a file, not to the connection: the stream goes on
    while True:
        out.write(b"record\n")
        if not read_record(conn):
            break
