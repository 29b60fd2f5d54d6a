# SCK901 flag: connect_ex() results and getsockopt(SOL_SOCKET, SO_ERROR) compared with numbers (0 alone is fine).
import socket


def probe(host: str, port: int) -> str:
    with socket.socket() as s:
        s.settimeout(2.0)
        rc = s.connect_ex((host, port))
        if rc == 0:
            return "open"
        if rc == 111:  # expect: SCK901
            return "closed"
        if rc in (113, 101):  # expect: SCK901
            return "unreachable"
        return "filtered"


def refused(addr) -> bool:
    with socket.socket() as s:
        s.settimeout(2.0)
        return s.connect_ex(addr) == 111  # expect: SCK901


def check_connected(sock: socket.socket) -> None:
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if err == 0:
        return
    if err == 111:  # expect: SCK901
        raise ConnectionRefusedError(err, "connection refused")
    raise OSError(err, "connect failed")
