# SCK301 ok: a Unix-domain connect connects or fails inside connect() (EAGAIN when the
# listener's backlog is full on Linux, ECONNREFUSED on the BSDs): it is never in progress,
# so there is nothing for SO_ERROR to report.
import errno
import socket


def open_control(path: str) -> socket.socket:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.setblocking(False)
    code = s.connect_ex(path)
    if code in (0, errno.EINPROGRESS, errno.EISCONN):
        return s
    s.close()
    raise OSError(code, "cannot reach the control socket")


def open_control_later(path: str) -> socket.socket:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.setblocking(False)
    try:
        s.connect(path)
    except BlockingIOError:
        pass
    return s
