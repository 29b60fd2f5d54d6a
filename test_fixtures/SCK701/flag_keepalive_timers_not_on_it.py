# SCK701 flag: keepalive timers that do not make a lost peer found: timers set with
# keepalive never turned on, and keepalive with timers set on another socket.
import socket


def follow(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_TCP, socket.TCP_KEEPIDLE, 5)
    sock.connect((host, port))  # expect: SCK701
    return sock.recv(1024)


def follow_two(host, port, other):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_KEEPALIVE, 0)
    other.setsockopt(socket.SOL_TCP, socket.TCP_KEEPIDLE, 5)
    sock.connect((host, port))  # expect: SCK701
    return sock.recv(1024)
