# SCK901 flag: a Winsock number as the only spelling of its error matches on Windows only;
# next to a Linux number, the Linux number is the defect (macOS says 48), not the Winsock one.
import socket


def send_some(sock: socket.socket, data: bytes) -> int:
    try:
        return sock.send(data)
    except socket.error as e:
        if e.errno == 10035:  # expect: SCK901
            return 0
        raise


def try_bind(sock: socket.socket, address) -> bool:
    try:
        sock.bind(address)
    except OSError as e:
        if e.errno in (98, 10048):  # expect: SCK901
            return False
        raise
    return True
