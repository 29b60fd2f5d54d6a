"""A connection stored on the object whose reads are not all behind a readiness wait with a
timeout (one read waits for ever on a silent peer), or that is handed to another object that
reads it out of sight: the connection is reported."""
import select
import socket


class Monitor:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.sock = None
        self.running = True

    def connect(self) -> None:
        self.sock = socket.create_connection((self.host, self.port))  # expect: SCK701
        self.sock.send(b"MONITOR\r")

    def run(self) -> None:
        while self.running:
            readable, _, _ = select.select([self.sock], [], [], 1.0)
            if len(readable) > 1:
                byte = self.sock.recv(1)
                if not byte:
                    return
                print(byte)


class Relay:
    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self.sock = None

    def connect(self) -> None:
        self.sock = socket.create_connection((self.host, self.port))  # expect: SCK701
        Reader(self.sock).start()

    def poll(self) -> bytes:
        readable, _, _ = select.select([self.sock], [], [], 1.0)
        if readable:
            return self.sock.recv(1024)
        return b""


class Reader:
    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock

    def start(self) -> None:
        print(self.sock.recv(1024))


class Registered:
    def __init__(self, host: str, port: int, registry: list) -> None:
        registry.append(self)  # another function gets the object, and may use its socket
        self.host = host
        self.port = port
        self.sock = None

    def connect(self) -> None:
        self.sock = socket.create_connection((self.host, self.port))  # expect: SCK701

    def poll(self) -> bytes:
        readable, _, _ = select.select([self.sock], [], [], 1.0)
        if readable:
            return self.sock.recv(1024)
        return b""
