# SCK101 ok: a private helper's socket parameter is what every caller passes: here always a datagram socket, where an empty datagram is a message, not an end of file.
import socket


def query(request, addr):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, 0)
    try:
        sock.sendto(request, addr)
        return _read(sock, timeout=2.5)
    finally:
        sock.close()


def query_all(request, addr):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.sendto(request, addr)
    return _read(s)


def _read(sock, timeout=2.5):
    sock.settimeout(timeout)
    replies = []
    while True:
        try:
            reply = sock.recv(1024)
            if len(reply) == 64:
                replies.append(reply)
        except socket.timeout:
            break
    return replies
