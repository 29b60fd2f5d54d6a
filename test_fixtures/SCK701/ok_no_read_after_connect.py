# SCK701 ok: a send-only connect (no read in the function), and a connected socket received as a parameter.
import socket


def send_log_line(addr, line: str) -> None:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with sock:
        sock.connect(addr)
        sock.sendall(line.encode("utf-8") + b"\n")


def read_reply(sock: socket.socket, addr) -> bytes:
    sock.connect(addr)
    return sock.recv(1024)
