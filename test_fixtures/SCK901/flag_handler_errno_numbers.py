# SCK901 flag: e.errno / e.args[0] compared with raw Linux numbers in except handlers (==, !=, in, not in, reversed).
import logging
import socket

log = logging.getLogger(__name__)


def push(conn: socket.socket, payload: bytes) -> bool:
    try:
        conn.sendall(payload)
    except OSError as e:
        if 104 == e.errno:  # expect: SCK901
            log.info("peer reset the connection")
            return False
        if e.errno in (32, 108):  # expect: SCK901
            log.info("peer closed the connection")
            return False
        raise
    return True


def connect(addr) -> socket.socket:
    sock = socket.socket()
    sock.settimeout(10)
    try:
        sock.connect(addr)
    except socket.error as err:
        sock.close()
        if err.args[0] != 111:  # expect: SCK901
            raise
        raise ConnectionRefusedError(f"nothing listens on {addr}") from None
    return sock


def close_quietly(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError as exc:
        if exc.errno not in (107, 9):  # expect: SCK901
            raise
    finally:
        sock.close()


def push_to_pipe_or_socket(sock: socket.socket, payload: bytes) -> None:
    # A number Linux gives to no socket errno still counts next to a socket call.
    try:
        sock.send(payload)
    except OSError as e:
        if e.errno != 232:  # expect: SCK901
            raise


def push_or_report(sock: socket.socket, payload: bytes) -> bool:
    # The branch decides what the function returns, not only a message.
    try:
        sock.sendall(payload)
    except OSError as e:
        if e.errno == 104:  # expect: SCK901
            log.info("peer reset the connection")
            return False
        raise
    return True


def push_or_else(sock: socket.socket, payload: bytes) -> None:
    try:
        sock.sendall(payload)
    except OSError as e:
        if e.errno == 111:  # expect: SCK901
            log.info("refused")
        else:
            raise
