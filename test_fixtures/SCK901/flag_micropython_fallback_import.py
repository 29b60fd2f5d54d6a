# SCK901 flag: MicroPython's modules imported only as a fallback (try/except ImportError): the
# module runs on CPython too, on macOS and the BSDs, where ETIMEDOUT is 60.
try:
    import usocket as socket
except ImportError:
    import socket


def read_frame(sock: socket.socket) -> bytes:
    try:
        return sock.recv(64)
    except OSError as e:
        if e.args[0] == 110:  # expect: SCK901
            raise TimeoutError("recv timed out")
        raise
