# SCK701 across modules: a host named by a constant of another project module is read as
# its value: the local agent's host is loopback, the upstream address is remote.
import socket

from agent import settings
from agent.settings import AGENT_HOST


def agent_status(port: int) -> bytes:
    sock = socket.socket()
    sock.connect((AGENT_HOST, port))
    sock.sendall(b"status\n")
    return sock.recv(1024)


def upstream_status() -> bytes:
    sock = socket.socket()
    sock.connect(settings.UPSTREAM)  # expect: SCK701
    sock.sendall(b"status\n")
    return sock.recv(1024)


def watch(remote_host: str) -> None:
    from agent.link import Link

    link = Link()
    link.connect_to_server("localhost", 6372)
    link.connect_anywhere(remote_host, 6372)
