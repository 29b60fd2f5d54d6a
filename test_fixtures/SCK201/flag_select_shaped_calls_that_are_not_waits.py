# SCK201 flag: calls named select that do not have select.select's arguments (a query's
# select() with a column list, a selector-like object given one list) report nothing about
# the socket, and the read after them may find no data.
import socket


def fetch(db, sock: socket.socket) -> bytes:
    sock.setblocking(False)
    rows = db.select(["name", "port"])
    if rows:
        return sock.recv(4096)  # expect: SCK201
    return b""


def fetch_two(picker, sock: socket.socket) -> bytes:
    sock.setblocking(False)
    chosen = picker.select([sock], "fast")
    if chosen:
        return sock.recv(4096)  # expect: SCK201
    return b""
