# A Linux number under a test of the platform that leaves it to Windows alone runs on no
# system the project declares: the code's own test wins, and the comparison is reported.
import socket
import sys


def pump(sock: socket.socket, out) -> None:
    sock.setblocking(False)
    while True:
        try:
            data = sock.recv(4096)
        except OSError as e:
            if e.errno == 11:
                continue
            raise
        if not data:
            return
        out.write(data)


def pump_windows(sock: socket.socket, out) -> None:
    sock.setblocking(False)
    while True:
        try:
            data = sock.recv(4096)
        except OSError as e:
            if sys.platform == "win32" and e.errno == 11:  # expect: SCK901
                continue
            raise
        if not data:
            return
        out.write(data)
