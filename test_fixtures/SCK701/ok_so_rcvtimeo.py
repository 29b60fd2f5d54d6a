# SCK701 ok: SO_RCVTIMEO set with setsockopt bounds every recv(); the module needs no settimeout().
import socket
import struct

RECV_TIMEOUT = struct.pack("ll", 5, 0)


def ask(addr, question: bytes):
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, RECV_TIMEOUT)
    with sock:
        sock.connect(addr)
        sock.sendall(question)
        try:
            return sock.recv(4096)
        except BlockingIOError:
            return None  # no answer within five seconds
