# SCK901 flag: a platform test that leaves other systems in: the else of a Windows test runs on Linux and macOS alike, "win" is in "darwin", and a Linux number under a Windows test is no Winsock number.
import os
import socket
import sys


def send_all(sock: socket.socket, data: bytes) -> bool:
    try:
        sock.sendall(data)
    except OSError as e:
        if os.name == "nt":
            if e.errno == 104:  # expect: SCK901
                return False
        elif e.errno == 104:  # expect: SCK901
            return False
        if "win" in sys.platform and e.errno == 10053:  # expect: SCK901
            return False
        raise
    return True
