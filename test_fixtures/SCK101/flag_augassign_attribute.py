# SCK101 flag: `buf += self.sock.recv(n)` (self.sock set in __init__) is never tested, so an early close spins forever.
import socket


class HttpClient:
    def __init__(self, host: str, port: int = 80) -> None:
        self.host = host
        self.sock = socket.create_connection((host, port), timeout=10.0)

    def fetch_head(self, path: str) -> bytes:
        request = f"HEAD {path} HTTP/1.1\r\nHost: {self.host}\r\nConnection: close\r\n\r\n"
        self.sock.sendall(request.encode("ascii"))
        buf = b""
        while b"\r\n\r\n" not in buf:
            buf += self.sock.recv(4096)  # expect: SCK101
        head, _, _ = buf.partition(b"\r\n\r\n")
        return head

    def close(self) -> None:
        self.sock.close()


class Drainer:
    def __init__(self, sock, other) -> None:
        self.sock = sock
        self.other = other

    def drain(self) -> bytes:
        # pending() of another socket says nothing about this one
        data = b""
        while self.other.pending():
            data += self.sock.recv(4096)  # expect: SCK101
        return data

    def drain_ready(self) -> bytes:
        # nor does recv_ready() of another channel
        data = b""
        while self.other.recv_ready():
            data += self.sock.recv(4096)  # expect: SCK101
        return data
