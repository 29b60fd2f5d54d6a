# SCK301 ok: a state machine that calls connect_ex() again on every step while connecting
# and tells EISCONN apart: 0 or EISCONN is connected, EINPROGRESS/EALREADY still under way,
# anything else a failure that closes the socket. A failed attempt is never used as open.
import errno
import socket


class Conn:
    def __init__(self, address) -> None:
        self.address = address
        self.sock = None
        self.state = "disconnected"

    def connect(self) -> str:
        if self.state == "disconnected":
            self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self.sock.setblocking(False)
            self.state = "connecting"
        if self.state == "connecting":
            try:
                ret = self.sock.connect_ex(self.address)
            except OSError as err:
                ret = err.errno
            if not ret or ret == errno.EISCONN:
                self.state = "connected"
            elif ret not in (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK):
                self.sock.close()
                self.state = "disconnected"
        return self.state


def step(sock: socket.socket, address) -> bool:
    """Called on every writable event until it says connected."""
    try:
        sock.connect(address)
    except OSError as e:
        if e.errno == errno.EISCONN:
            return True
        if e.errno in (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK):
            return False
        raise
    return True
