# SCK101 flag: sockets from `import socket as so` and `from socket import socket as Sock` are tracked through the aliases.
import socket as so
from socket import socket as Sock, AF_INET, SOCK_STREAM


def download(host: str, port: int, out, expected: int) -> int:
    s = Sock(AF_INET, SOCK_STREAM)
    s.settimeout(15.0)
    s.connect((host, port))
    received = 0
    try:
        while received < expected:
            chunk = s.recv(65536)  # expect: SCK101
            out.write(chunk)
            received += len(chunk)
    finally:
        s.close()
    return received


def tail(host: str, port: int, sink) -> None:
    conn = so.create_connection((host, port), timeout=30)
    with conn:
        while True:
            line = conn.recv(1024)  # expect: SCK101
            sink(line.decode("utf-8", "replace"))
