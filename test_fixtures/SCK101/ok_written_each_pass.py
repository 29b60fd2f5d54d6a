# SCK101 ok: a request/response loop that writes to the socket before each read. Once the
# peer has closed, the first write after it draws a reset and the next one raises
# (BrokenPipeError or ConnectionResetError: CPython ignores SIGPIPE), and nothing in the
# loop catches it: the loop ends within two passes instead of spinning on b"".
import socket
import time


def report_positions(host: str, port: int, positions) -> None:
    sock = socket.create_connection((host, port), timeout=30)
    while True:
        for lat, lon in positions:
            sock.send(f"#SD#{lat};{lon}\r\n".encode())
            reply = sock.recv(1024)
            print(reply)
            time.sleep(5)


def ping(sock: socket.socket) -> None:
    while True:
        sock.sendall(b"PING\n")
        answer = sock.recv(64)
        print(answer)


def acknowledge_each(conn: socket.socket) -> None:
    """The write comes after the read, in the same block, with nothing in between that may
    leave the pass: it runs in every pass just the same."""
    while True:
        message = conn.recv(1024)
        print(message.decode("utf-8", "replace"))
        conn.send("yes".encode("utf-8"))


def exchange_packets(sock: socket.socket, outgoing: list) -> None:
    """The read sits in a `try` (and its result in an `if`); the write comes after both, in
    the loop's body, and its bytes are never empty: json.dumps() always writes something."""
    import json

    while True:
        try:
            data = sock.recv(4096)
        except ConnectionResetError:
            return
        if data:
            print(json.loads(data.decode()))
        sock.send(json.dumps({"packets": outgoing}).encode())


def report_each(conn: socket.socket, lock) -> None:
    import struct

    n = 0
    while True:
        with lock:
            status = conn.recv(16)
        print(status)
        n += 1
        conn.sendall(struct.pack("!I", n))
        conn.send(f"seq {n}\n".encode())


class FrameClient:
    """The write before the read is a call of a method of the class whose whole body sends
    on the socket read: its error reaches the loop as the send's would."""

    def __init__(self, address) -> None:
        self.running = True
        self.sock = socket.create_connection(address, timeout=10)

    def request(self, msg: str) -> None:
        """Ask for the next frame."""
        self.sock.send(msg.encode())

    def frames(self, out: list) -> None:
        while self.running:
            self.request("1920x1080/0")
            data = self.sock.recv(1024)
            out.append(data)


def echo_with_prefix(conn: socket.socket) -> None:
    # a non-empty prefix makes every write put bytes on the wire, even after end of file
    while True:
        data = conn.recv(1024)
        conn.send(b"RECEIVED: " + bytes(data))
