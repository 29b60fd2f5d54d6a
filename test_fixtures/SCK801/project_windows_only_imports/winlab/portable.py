# Imports the Windows-only module only where it may: inside a try, or in a function. The
# module itself imports anywhere, and its listener restarts on Linux and macOS.
import socket

try:
    from winlab.win import process_handle
except ImportError:
    process_handle = None


def debug_server(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("", port))  # expect: SCK801
    sock.listen()
    return sock


def attach_server(port: int) -> socket.socket:
    from winlab.tube import attach

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("", port))  # expect: SCK801
    sock.listen()
    attach(0)
    return sock
