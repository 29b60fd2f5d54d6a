# SCK401 flag: SIG_DFL set at import (the whole process), and a setup function handed to something other than a subprocess preexec_fn.
import signal
import socket
import subprocess
import threading

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401


def _reset_sigpipe():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401


def _other_reset():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # expect: SCK401


def start(args):
    threading.Thread(target=_reset_sigpipe).start()  # runs in this process
    setup = _other_reset  # handed on through a variable: not followed
    return subprocess.Popen(args, preexec_fn=setup)


def send_status(sock: socket.socket, status: bytes) -> None:
    sock.sendall(status)
