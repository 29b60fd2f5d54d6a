# SCK903 flag: getpeername() raises OSError (ENOTCONN) once the client has gone; the handler
# that indexes the error then raises TypeError instead, out of the constructor the server
# calls for each accepted connection.
import errno
import socket


class Channel:
    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        try:
            self.peer = conn.getpeername()
        except socket.error as err:
            conn.close()
            if err[0] != errno.ENOTCONN:  # expect: SCK903
                raise
            self.peer = None
