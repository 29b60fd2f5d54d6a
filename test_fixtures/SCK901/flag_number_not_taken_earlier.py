# SCK901 flag: the earlier clause takes another class than the one the number's errno is
# raised as, so the comparison is live, and 11 (EAGAIN on Linux) is 35 on macOS.
import socket


def read_some(sock: socket.socket, size: int):
    sock.setblocking(False)
    try:
        return sock.recv(size)
    except ConnectionResetError:
        return b""
    except OSError as e:
        if e.errno == 11:  # expect: SCK901
            return None
        raise
