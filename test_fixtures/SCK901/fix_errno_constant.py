"""SCK901 fix: numbers become errno constants; `import errno` is added before the first import."""
import socket


def still_connecting(sock: socket.socket, addr) -> bool:
    err = sock.connect_ex(addr)
    return err in (115, 114)  # expect: SCK901


def reset(sock: socket.socket) -> bool:
    try:
        sock.recv(1)
    except OSError as e:
        if e.errno == 104:  # expect: SCK901
            return True
        if e.errno == 10054:  # expect: SCK901
            return True
        if e.errno == 54:  # expect: SCK901
            return True
        raise
    return False


def connected(sock: socket.socket) -> bool:
    return sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0
