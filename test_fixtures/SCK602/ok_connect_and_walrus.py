# SCK602 ok: connect() statements raise on failure; a connect_ex() result captured with := is used.
import os
import socket


def open_conn(addr) -> socket.socket:
    sock = socket.socket()
    sock.settimeout(5.0)
    sock.connect(addr)
    return sock


def try_connect(addr) -> socket.socket:
    sock = socket.socket()
    sock.settimeout(5.0)
    if (rc := sock.connect_ex(addr)) != 0:
        sock.close()
        raise ConnectionError(rc, os.strerror(rc))
    return sock
