# SCK901 flag: Windows WSA numbers (10054, 10053, 10035, 10061) are errno values too; errno.ECONNRESET etc. match them on Windows.
import socket


def read_some(sock: socket.socket, n: int) -> bytes:
    try:
        return sock.recv(n)
    except OSError as exc:
        if exc.errno in (
            10054,  # expect: SCK901
            10053,  # expect: SCK901
        ):
            return b""
        raise


def try_send(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except OSError as e:
        if e.errno == 10035:  # expect: SCK901
            return 0
        raise


def refused(addr) -> bool:
    with socket.socket() as s:
        s.settimeout(2.0)
        return s.connect_ex(addr) == 10061  # expect: SCK901
