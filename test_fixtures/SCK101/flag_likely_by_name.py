# SCK101 flag: unannotated parameters named like sockets (`conn`, `client_sock`) whose recv(n) is never tested for EOF.
import logging

log = logging.getLogger(__name__)


def forward(conn, upstream_sock, bufsize: int = 16384) -> None:
    while True:
        data = conn.recv(bufsize)  # expect: SCK101
        upstream_sock.sendall(data)


def drain_log(client_sock, handler) -> None:
    buf = b""
    while True:
        buf += client_sock.recv(4096)  # expect: SCK101
        *lines, buf = buf.split(b"\n")
        for line in lines:
            handler(line.decode("utf-8", "replace"))
