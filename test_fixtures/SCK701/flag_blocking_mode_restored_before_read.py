# SCK701 flag: the only mode call makes the socket blocking again (settimeout(None)): the
# read waits for ever on a vanished peer. (A non-blocking drain that ends with
# setblocking(True) before the read: project fixture flag_project_stored_socket.)
import socket


def query(host: str, port: int) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(None)
    sock.connect((host, port))  # expect: SCK701
    return sock.recv(1024)


def ask(host: str, port: int, timeout=None) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(timeout)  # None unless a caller passes one: none in this module does
    sock.connect((host, port))  # expect: SCK701
    return sock.recv(1024)
