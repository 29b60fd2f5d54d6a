# SCK301 flag: a socket that is AF_UNIX on one path and AF_INET on the other may be an
# Internet connect in progress; its outcome is never read.
import errno
import socket


def open_channel(address, local: bool) -> socket.socket:
    if local:
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    else:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setblocking(False)
    code = s.connect_ex(address)  # expect: SCK301
    if code not in (0, errno.EINPROGRESS):
        s.close()
        raise OSError(code, "cannot connect")
    return s
