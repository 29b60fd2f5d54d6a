# SCK701 ok: settimeout() before the connect, or right after it, in the function that connects and reads.
import socket


def ask(addr, question: bytes) -> bytes:
    sock = socket.socket()
    sock.settimeout(5.0)
    with sock:
        sock.connect(addr)
        sock.sendall(question)
        return sock.recv(4096)


def ask_slow_connect(addr, question: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with sock:
        sock.connect(addr)
        sock.settimeout(30.0)
        sock.sendall(question)
        return sock.recv(4096)
