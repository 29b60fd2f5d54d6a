# SCK401 flag: SIG_DFL for SIGPIPE where sockets write through sendfile() or are only known by name (`conn`).
import signal
import socket
import sys


def serve_file(conn, path: str) -> None:
    header = b"HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n"
    conn.sendall(header)
    with open(path, "rb") as fh:
        conn.sendfile(fh)


def upload(host: str, port: int, path: str) -> int:
    with socket.create_connection((host, port), timeout=30) as sock, open(path, "rb") as fh:
        return sock.sendfile(fh)


def main() -> None:
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401
    upload(sys.argv[1], int(sys.argv[2]), sys.argv[3])


if __name__ == "__main__":
    main()
