# SCK201 ok: the first few small writes of a connection this function made and connected
# while it was blocking, then switched to non-blocking: the connection is established and
# its send buffer (at least 4608 bytes on every platform) empty, so at most four writes of
# 512 bytes in all, outside loops (or in the pass of the loop that makes the connection
# afresh), always find room.
import socket


def probe(port: int) -> None:
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect(("localhost", port))
    client.setblocking(False)
    request = b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"
    client.send(request)
    client.send(b"\r\n")
    client.close()


def greet(host: str, port: int) -> socket.socket:
    conn = socket.create_connection((host, port), timeout=5)
    conn.setblocking(False)
    conn.send("HELLO 1\r\n".encode("ascii"))
    return conn


def first_send_of_any_size(port: int, name: str) -> int:
    # the first send() finds the buffer empty: it copies what fits and returns the count
    client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    client.connect(("localhost", port))
    client.setblocking(False)
    encoded = name.encode("utf-8")
    header = f"{len(encoded):<10}".encode("utf-8")
    return client.send(header + encoded)


class Greeter:
    """A connection accepted in the function is established too, and its buffer empty: the
    first writes on it, small ones, always find room."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("", 0))
        self.connections = []

    def accept_one(self) -> None:
        connection, _ = self.sock.accept()
        connection.setblocking(False)
        self.connections.append(connection)
        connection.sendall(b"220 ready\r\n")

    def accept_ready(self, ready) -> None:
        # each pass accepts a new connection: its first writes in that pass find the
        # buffer empty, as outside a loop
        for resource in ready:
            if resource is self.sock:
                connection, _ = self.sock.accept()
                connection.setblocking(False)
                self.connections.append(connection)
                connection.send(b"READY\n")
