# SCK701 flag: a timeout set on one socket says nothing about another socket that never leaves
# the function where it is made and read.
import socket


def probe(addr) -> bytes:
    control = socket.create_connection(addr, timeout=5)
    control.settimeout(10)
    data = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    data.connect(addr)  # expect: SCK701
    control.sendall(b"PASV\r\n")
    return data.recv(4096)


def banner(addr) -> bytes:
    with socket.create_connection(addr) as sock:  # expect: SCK701
        return sock.recv(256)
