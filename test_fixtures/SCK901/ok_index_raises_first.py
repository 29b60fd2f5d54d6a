# SCK901 ok: the errno is read as `e[0]`, which raises TypeError on Python 3 before the
# number is compared: the comparison never runs on any platform. SCK903 reports the index,
# the real defect; the constant would change nothing.
import socket


def listen(port):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(("", port))
    except socket.error as e:
        if e[0] == 10048:  # expect: SCK903
            raise RuntimeError("port %d is in use" % port)
        raise
    sock.listen(5)
    return sock
