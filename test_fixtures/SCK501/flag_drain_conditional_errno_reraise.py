# SCK501 flag: the errno is read through a conditional expression; the drain loop's handler
# returns on EAGAIN but re-raises everything else, ECONNABORTED included.
import errno
import socket

VALID_ERRORS = (errno.EWOULDBLOCK, errno.EAGAIN)


def on_readable(listener: socket.socket, spawn) -> None:
    try:
        while True:
            conn, _ = listener.accept()  # expect: SCK501
            spawn(conn)
    except socket.error as error:
        code = error.args[0] if error.args else None
        if code in VALID_ERRORS:
            return
        raise
