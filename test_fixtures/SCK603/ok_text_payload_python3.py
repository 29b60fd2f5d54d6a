# SCK603 ok: on Python 3 (the default target), sendall() of a str raises TypeError before a
# byte is written: nothing is sent, so no count of what was sent is lost.
import socket


def greet(sock: socket.socket, name: str) -> None:
    sock.setblocking(False)
    sock.sendall("NICK %s\r\n" % name)
    sock.sendall("USER " + name + "\r\n")
