# SCK701 flag: SO_KEEPALIVE with the kernel's default timers is no timeout (two hours); the connect is flagged, and SCK702 too.
import socket


def follow(host: str, port: int, on_line) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 1)  # expect: SCK702
    sock.connect((host, port))  # expect: SCK701
    with sock:
        pending = b""
        while True:
            chunk = sock.recv(4096)
            if not chunk:
                return
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                on_line(line)
