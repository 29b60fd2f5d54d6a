# SCK901 flag: a module guard (an assert on the platform) covers what the module defines,
# not its top-level code above the guard, which runs on every system while the module is
# being imported; nor a guard that is no platform test.
import socket
import sys

probe = socket.socket()
try:
    probe.connect(("127.0.0.1", 9))
    probe.sendall(b"ping")
except OSError as e:
    if e.errno != 104:  # expect: SCK901
        raise
    probe = None


def read_or_empty(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == 104:  # expect: SCK901
            return b""
        raise


assert sys.version_info >= (3, 8)
assert sys.platform != "win32" or __debug__, "checked twice"
