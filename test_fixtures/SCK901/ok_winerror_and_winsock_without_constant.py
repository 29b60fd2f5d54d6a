# SCK901 ok (from real code): winerror is Windows' own code; WSAEINVAL has no errno constant on any platform.
import errno
import os
import select
import socket


def serve_once(listener: socket.socket, socket_map: dict) -> None:
    try:
        select.select(list(socket_map), [], [], 1.0)
    except OSError as err:
        # pyftpdlib: WSAENOTSOCK after a client connects and disconnects quickly
        if os.name == "nt" and err.winerror == 10038:
            socket_map.clear()
        else:
            raise


def still_connecting(sock: socket.socket, addr) -> bool:
    ret = sock.connect_ex(addr)
    # kafka-python: WSAEINVAL == 10022, but errno.WSAEINVAL only exists on Windows
    return ret in (errno.EINPROGRESS, errno.EALREADY, errno.EWOULDBLOCK, 10022)


def connected(sock: socket.socket) -> bool:
    return sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0


def address_error(err: OSError) -> bool:
    # Winsock's resolver errors (WSAHOST_NOT_FOUND ...) have no errno constant anywhere
    return err.errno in (11001, 11004)


def bind_or_report(sock: socket.socket, address) -> bool:
    try:
        sock.bind((address, 0))
    except OSError as err:
        return err.errno in (11001, 11002)
    return True
