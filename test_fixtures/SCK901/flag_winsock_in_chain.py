# SCK901 flag: in a chain of comparisons, the Linux number next to its Winsock spelling is
# still the defect (macOS says 48 for EADDRINUSE, 57 for ENOTCONN), and a Winsock number whose
# error no other comparison of the chain spells matches on Windows only.
import socket


def open_with_retries(sock: socket.socket, address) -> None:
    try:
        sock.bind(address)
    except OSError as e:
        if e.errno != 98 and e.errno != 10048:  # expect: SCK901
            raise


def read_or_none(sock: socket.socket):
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == 10054 or e.errno == 9:  # expect: SCK901
            return None
        raise


def read_other(sock: socket.socket, code: int):
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == 10054 or code == errno_reset():  # expect: SCK901
            return None
        raise


def errno_reset() -> int:
    return 104
