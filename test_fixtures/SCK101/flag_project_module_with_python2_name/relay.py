# SCK101 flag: `Queue` here is the project's own module, which Python 3 finds beside the
# script: the module runs on Python 3 and is checked as usual.
import socket

from Queue import Queue


def pump(sock: socket.socket, out: Queue) -> None:
    while True:
        out.put(sock.recv(4096))  # expect: SCK101
