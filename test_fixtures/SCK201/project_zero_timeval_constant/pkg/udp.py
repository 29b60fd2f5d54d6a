# SCK201: a zero timeval from another module is no timeout; a non-zero one is a timeout.
import socket

from pkg import net


def listen(port, on_event):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, net.NO_TIMEOUT)
    while True:
        on_event(sock.recv(1024))


def poll(port, on_event):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind(("", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVTIMEO, net.TWO_SECONDS)
    while True:
        on_event(sock.recv(1024))  # expect: SCK201
