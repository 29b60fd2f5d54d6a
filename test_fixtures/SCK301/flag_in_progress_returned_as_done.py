# SCK301 flag: the in-progress handler hands the socket back as if connected (or returns
# nothing, and the caller goes on with the socket): the outcome is never read from SO_ERROR.
import socket


def open_nb(address) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        sock.connect(address)  # expect: SCK301
    except BlockingIOError:
        return sock
    return sock
