# SCK601 project: factories of connections used by client.py. open_connection() only makes
# and connects the socket; open_greeted() also writes a greeting on it, so the first write
# of its caller is not the first on the connection.
import socket
from typing import Tuple


def open_connection(address: Tuple[str, int], timeout: float = 10.0) -> socket.socket:
    conn = socket.create_connection(address, timeout=timeout)
    return conn


def open_greeted(address: Tuple[str, int], banner: bytes) -> socket.socket:
    conn = socket.create_connection(address, timeout=10.0)
    conn.sendall(banner)
    return conn
