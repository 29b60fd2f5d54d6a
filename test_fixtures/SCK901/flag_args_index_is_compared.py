# SCK901 flag: `e.args[0]` is the errno on Python 3 too, so the number is compared, and
# 10048 is WSAEADDRINUSE on Windows alone (Linux says 98, macOS 48).
import socket


def listen(port):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("", port))
    except socket.error as e:
        if e.args[0] == 10048:  # expect: SCK901
            raise RuntimeError("port %d is in use" % port)
        raise
    sock.listen(5)
    return sock
