# SCK903 flag: indexing an OSError raises TypeError on Python 3, so the handler crashes exactly
# when the socket call fails.
import errno
import select
import socket


def read_some(sock: socket.socket) -> bytes:
    try:
        return sock.recv(4096)
    except socket.error as e:
        if e[0] == errno.ECONNRESET:  # expect: SCK903
            return b""
        raise


def wait_readable(sock: socket.socket) -> bool:
    try:
        readable, _, _ = select.select([sock], [], [], 1.0)
    except (select.error, OSError) as err:
        if err[0] == errno.EBADF:  # expect: SCK903
            return False
        raise
    return bool(readable)


def accept_one(listener: socket.socket):
    try:
        return listener.accept()
    except ConnectionError as exc:
        print("accept failed:", exc[1])  # expect: SCK903
        return None


def read_message_into(sock: socket.socket, buffers) -> int:
    try:
        return sock.recvmsg_into(buffers)[0]
    except socket.error as e:
        if e[0] == errno.ECONNRESET:  # expect: SCK903
            return 0
        raise
