# SCK701 flag: the address is the listener's own only on one path; on the other it is a
# remote server's, and the read waits for ever if that server vanishes.
import socket


def connect(remote, listener: socket.socket) -> bytes:
    address = remote
    if remote is None:
        address = listener.getsockname()
    conn = socket.create_connection(address)  # expect: SCK701
    conn.sendall(b"hello\n")
    return conn.recv(64)
