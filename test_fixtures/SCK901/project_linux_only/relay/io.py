# SCK901 ok: the project declares Linux alone, so a Linux errno number means what it says
# wherever the project runs. A Winsock number under a Windows test still runs nowhere else.
import socket
import sys


def send_all(sock: socket.socket, data: bytes) -> bool:
    try:
        sock.sendall(data)
    except OSError as exc:
        if exc.errno == 104:
            return False
        if sys.platform == "win32" and exc.errno == 10054:
            return False
        raise
    return True
