# SCK201 flag: a with-statement socket switched to non-blocking by settimeout(0.0); recv_into() is not guarded.
import select
import socket


def read_status(path: str, buf: bytearray) -> int:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.connect(path)
        s.settimeout(0.0)
        select.select([s], [], [], 5.0)
        return s.recv_into(buf)  # expect: SCK201
