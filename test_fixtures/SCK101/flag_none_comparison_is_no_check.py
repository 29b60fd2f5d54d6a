# SCK101 flag: the read's own result compared with None. A read returns bytes (a str on
# Python 2), never None, so the comparison never sees the end of file and the loop spins.
import socket


def pump(sock: socket.socket) -> None:
    while True:
        data = sock.recv(1024)  # expect: SCK101
        if data is None:
            break
        print(data)


def relay(sock: socket.socket, out: socket.socket) -> None:
    while True:
        chunk = sock.recv(4096)  # expect: SCK101
        if chunk is not None:
            out.sendall(chunk)
