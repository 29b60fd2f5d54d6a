# SCK101 ok: netlink, packet and CAN sockets are all SOCK_RAW or SOCK_DGRAM, whatever type the
# code writes: a socket made from a netlink fd carries one kernel message per read and has no
# peer that closes, so a read loop on it is no EOF loop. The same loop on an fd said to be
# AF_INET is reported.
import socket


def watch_log(fd, handle):
    sock = socket.fromfd(fd, socket.AF_NETLINK, socket.SOCK_STREAM)
    while True:
        message = sock.recv(65536)
        handle(message)


def watch_frames(interface, handle):
    sock = socket.socket(socket.AF_CAN, socket.SOCK_RAW, socket.CAN_RAW)
    sock.bind((interface,))
    while True:
        handle(sock.recv(16))


def watch_stream(fd, handle):
    sock = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
    while True:
        message = sock.recv(65536)  # expect: SCK101
        handle(message)
