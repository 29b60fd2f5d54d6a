# SCK701 ok: the host is loopback, unpacked from a display of literals on every path to the
# connect (HOST, PORT = "localhost", 9999): the peer is on this host and cannot vanish
# half-open.
import socket


def ask_unpacked(question: bytes) -> bytes:
    HOST, PORT = "localhost", 9999
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.connect((HOST, PORT))
        sock.sendall(question)
        return sock.recv(1024)
