# SCK901 ok: each number is compared only where the code runs on systems that give the number to that errno: a Winsock number under a Windows test, a Linux number under a Linux test or after a guard that leaves every other system, a BSD number under a macOS test, anything in a module only Windows can import.
import errno
import os
import platform
import socket
import sys

IS_WINDOWS = os.name == "nt"


def send_all(sock: socket.socket, data: bytes) -> bool:
    try:
        sock.sendall(data)
    except OSError as e:
        if IS_WINDOWS and e.errno == 10054:
            return False
        if sys.platform == "win32":
            if e.errno in (10053, 10058):
                return False
        elif platform.system() == "Darwin" and e.errno == 54:
            return False
        elif sys.platform.startswith("linux") and e.errno == 104:
            return False
        if e.errno == errno.EPIPE:
            return False
        raise
    return True


def read_some(sock: socket.socket) -> bytes:
    if not sys.platform.startswith("linux"):
        raise RuntimeError("this reader uses Linux's TCP_INFO")
    try:
        return sock.recv(4096)
    except OSError as e:
        if e.errno == 104:
            return b""
        raise


def wait_connect(sock: socket.socket) -> bool:
    err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    return err == 10061 if os.name == "nt" else err == errno.ECONNREFUSED
