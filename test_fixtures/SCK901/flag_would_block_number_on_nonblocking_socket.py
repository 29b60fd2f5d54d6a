# SCK901 flag: the socket is non-blocking (or its mode is out of sight), so the call can
# fail with EINPROGRESS or EAGAIN, and the number is right on one platform only.
import socket


def start_connect(host: str, port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        sock.connect((host, port))  # expect: SCK301
    except OSError as e:
        if e.args[0] != 115:  # expect: SCK901
            raise
    return sock


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == 35:  # expect: SCK901
            return b""
        raise
