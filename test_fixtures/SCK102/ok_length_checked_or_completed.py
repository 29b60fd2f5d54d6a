# SCK102 ok: the length is tested, the read is completed in a loop, MSG_WAITALL waits for all
# the bytes, a datagram is whole, and reads that need no more than a short read holds.
import socket
import struct


def recv_exact(sock: socket.socket, size: int) -> bytes:
    buf = b""
    while len(buf) < size:
        chunk = sock.recv(size - len(buf))
        if not chunk:
            raise ConnectionError("closed mid-frame")
        buf += chunk
    return buf


def read_checked(sock: socket.socket) -> int:
    hdr = sock.recv(4)
    if len(hdr) != 4:
        raise ConnectionError("short header")
    return struct.unpack("!I", hdr)[0]


def read_waitall(sock: socket.socket) -> int:
    (length,) = struct.unpack("!I", sock.recv(4, socket.MSG_WAITALL))
    return length


def read_datagram() -> int:
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    (value,) = struct.unpack("!I", udp.recv(4))
    return value


def read_kind(sock: socket.socket) -> int:
    data = sock.recv(1024)
    if not data:
        return -1
    flag = sock.recv(1)
    return data[0] + flag[0]


def read_accumulated(sock: socket.socket) -> int:
    head = sock.recv(4)
    head += sock.recv(4 - len(head))
    return struct.unpack("!I", head)[0]


def read_message(sock: socket.socket) -> int:
    data = sock.recv(1024)  # a whole message of unknown size, not 1024 bytes
    (command,) = struct.unpack_from("<H", data, 0)
    return command
