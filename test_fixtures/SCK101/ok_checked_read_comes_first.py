# SCK101 ok: the body read is not checked, but a checked read of the same socket comes
# before it on every path through a pass (a length header). End of file is for good on a
# stream: once the body read gets b"", the header read gets b"" before the body read runs
# again, and the loop ends.
import socket
import struct

HEADER = 10
SIZE_FMT = "!B"


def messages(sock: socket.socket, handle) -> None:
    while True:
        header = sock.recv(HEADER)
        if not len(header):
            break
        body = sock.recv(int(header.decode().strip()))
        handle(body)


class Client:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.running = True

    def receive(self, handle) -> None:
        while self.running:
            try:
                header = self.sock.recv(HEADER)
                if not header:
                    print("closed by the server")
                    break
                message = self.sock.recv(int(header)).decode("utf-8")
                handle(message)
            except BlockingIOError:
                continue


def when_ready(sock: socket.socket, ready, handle) -> None:
    while True:
        if not ready():
            continue
        header = sock.recv(HEADER)
        if not header:
            return
        if header.startswith(b"D"):
            handle(sock.recv(int(header[1:])))


def serve(listener: socket.socket, handle) -> None:
    """The reads sit in a loop over the sockets select() reported ready, inside the
    server's loop: in each pass of that inner loop the checked header read comes first."""
    import select

    clients = [listener]
    while True:
        ready, _, _ = select.select(clients, [], [])
        for sock in ready:
            if sock is listener:
                try:
                    conn, _ = listener.accept()
                except ConnectionAbortedError:
                    continue
                clients.append(conn)
                continue
            try:
                header = sock.recv(HEADER)
                if len(header) == 0:
                    clients.remove(sock)
                    sock.close()
                    continue
                body = sock.recv(int(header.decode().strip()))
            except OSError:
                clients.remove(sock)
                sock.close()
                continue
            handle(body)


def header_in_try(sock: socket.socket, handle) -> None:
    """The checked read opens a `try` whose handlers all leave the pass: a pass that goes
    on after the `try` has run the checked read."""
    while True:
        try:
            kind = sock.recv(1)
        except socket.timeout:
            continue
        except OSError:
            break
        if not kind:
            break
        if kind == b"K":
            handle(sock.recv(7))
            continue
        handle(sock.recv(5, socket.MSG_WAITALL))


def sized_messages(sock: socket.socket, handle) -> None:
    """The header read is checked by its decoder: struct.unpack() of b"" with a format held
    in a module constant raises struct.error, which leaves the loop; the body read comes
    after it on every path."""
    while True:
        size_data = sock.recv(1)
        size = struct.unpack(SIZE_FMT, size_data)[0]
        handle(sock.recv(size))
