# A factory for the listening socket, and a reader that never sees the peer close.
import socket

from netapp.config import ADDRESS, BACKLOG


def listen():
    server = socket.create_server(ADDRESS, backlog=BACKLOG)
    server.settimeout(None)
    return server


def read_all(conn: socket.socket, chunks: list) -> None:
    while True:
        chunks.append(conn.recv(4096))  # expect: SCK101
