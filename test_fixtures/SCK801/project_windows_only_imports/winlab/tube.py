# A process tube built on win.py: Windows-only through its import.
import socket

from .win import process_handle


def attach(pid: int):
    return process_handle(pid), socket.gethostname()
