# SCK101 flag: the write before the read does not end the loop when the peer has closed:
# its error is swallowed inside the loop, it writes to another socket, it runs only on some
# passes, or it comes after the read (a `continue` may skip it).
import socket


def relay(sock: socket.socket, log) -> None:
    while True:
        try:
            sock.sendall(b"NEXT\n")
        except OSError:
            log.append("send failed")
        data = sock.recv(1024)  # expect: SCK101
        log.append(data)


def forward(src: socket.socket, dst: socket.socket, log) -> None:
    while True:
        dst.sendall(b"more\n")
        chunk = src.recv(4096)  # expect: SCK101
        log.append(chunk)


def poll(sock: socket.socket, due, log) -> None:
    while True:
        if due():
            sock.sendall(b"STATUS\n")
        status = sock.recv(256)  # expect: SCK101
        log.append(status)


def echo_after(sock: socket.socket, log) -> None:
    while True:
        data = sock.recv(512)  # expect: SCK101
        if data.startswith(b"#"):
            continue
        sock.sendall(data)


def echo_joined(sock: socket.socket, suffix: bytes) -> None:
    # a concatenation of what was read and a value that may be empty may write nothing
    while True:
        data = sock.recv(512)  # expect: SCK101
        sock.sendall(data + suffix)


def acknowledge_some(conn: socket.socket) -> None:
    """A ``continue`` between the read and the write skips the write on some passes."""
    while True:
        message = conn.recv(1024)  # expect: SCK101
        if message.startswith(b"#"):
            continue
        conn.send(b"yes")


def acknowledge_caught(conn: socket.socket) -> None:
    """The write after the read swallows its error: the loop goes on after the reset."""
    while True:
        message = conn.recv(1024)  # expect: SCK101
        print(message)
        try:
            conn.send(b"yes")
        except OSError:
            pass


def write_maybe_empty_after_try(sock: socket.socket, outgoing) -> None:
    """After the `try`, but the bytes may be empty (an f-string of only a field, a str that
    may be empty): an empty write draws no reset."""
    while True:
        try:
            data = sock.recv(4096)  # expect: SCK101
        except ConnectionResetError:
            return
        if data:
            print(data)
        sock.send(f"{outgoing}".encode())


def write_after_a_leaving_if(sock: socket.socket) -> None:
    while True:
        try:
            data = sock.recv(4096)  # expect: SCK101
        except ConnectionResetError:
            return
        if data == b"skip":
            continue
        sock.send(b"ack")


class FrameClient:
    """The method called before the read does more than send on the socket read (it
    swallows the send's error, or sends on another socket): no write error ends the loop."""

    def __init__(self, address, log) -> None:
        self.sock = socket.create_connection(address, timeout=10)
        self.log_sock = socket.create_connection(address, timeout=10)
        self.log = log

    def request(self, msg: str) -> None:
        try:
            self.sock.send(msg.encode())
        except OSError:
            self.log.append("send failed")

    def note(self, msg: str) -> None:
        self.log_sock.sendall(msg.encode())

    def frames(self, out: list) -> None:
        while True:
            self.request("next")
            data = self.sock.recv(1024)  # expect: SCK101
            out.append(data)

    def noted(self, out: list) -> None:
        while True:
            self.note("next")
            data = self.sock.recv(1024)  # expect: SCK101
            out.append(data)
