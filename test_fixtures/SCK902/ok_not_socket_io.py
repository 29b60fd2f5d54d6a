# SCK902 ok: ETIMEDOUT tests around calls that are not socket I/O on a timeout socket (NFS file reads, a parameter socket).
import errno
import os
import socket


def read_nfs(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError as e:
        if e.errno == errno.ETIMEDOUT:
            raise RuntimeError(f"NFS server for {path} is not responding") from e
        raise


def read_fd(fd: int) -> bytes:
    try:
        return os.read(fd, 65536)
    except OSError as e:
        if e.errno == errno.ETIMEDOUT:
            return b""
        raise


def drain(sock: socket.socket) -> bytes:
    try:
        return sock.recv(65536)
    except OSError as e:
        if e.errno == errno.ETIMEDOUT:
            return b""
        raise
