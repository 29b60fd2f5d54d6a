# SCK903 flag: the index decides something for an error Python 3 still raises (ECONNRESET
# here), or the handler goes on after a failed test: the TypeError replaces the handling.
import errno
import socket


def recv_some(sock: socket.socket):
    try:
        return sock.recv(10)
    except socket.error as e:
        if e[0] == errno.EINTR:  # expect: SCK903
            return b""
        if e[0] == errno.ECONNRESET:  # expect: SCK903
            return None
        raise


def recv_logged(sock: socket.socket):
    try:
        return sock.recv(10)
    except socket.error as e:
        if e[0] == errno.EINTR:  # expect: SCK903
            return b""
        print("recv failed")
        return None
