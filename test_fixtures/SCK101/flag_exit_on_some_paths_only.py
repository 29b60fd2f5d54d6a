# SCK101 flag: a call that ends the program only when the reply says so leaves the loop on
# that path only; an empty read goes round again for ever.
import socket
import sys


def follow(sock: socket.socket) -> None:
    while True:
        reply = sock.recv(1024)  # expect: SCK101
        if reply.startswith(b"BYE"):
            sys.exit(0)
        print(reply)
