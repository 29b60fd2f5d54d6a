# SCK401 fix (unsafe): SIG_DFL becomes SIG_IGN, spelled as the code spells it.
import signal
import socket
from signal import SIG_DFL, SIG_IGN, SIGPIPE

signal.signal(signal.SIGPIPE, signal.SIG_IGN)  # expect: SCK401


def main(sock: socket.socket) -> None:
    signal.signal(SIGPIPE, SIG_IGN)  # expect: SCK401
    sock.sendall(b"hello")
