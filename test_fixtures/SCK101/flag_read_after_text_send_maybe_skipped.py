# SCK101 flag: the str send may not run before the read (a branch, a `try` that catches the
# TypeError), or it comes after the read: the read runs on Python 3 and is checked as usual.
import socket


def pump(sock: socket.socket, greet: bool, out) -> None:
    if greet:
        sock.send("HELLO\r\n")
    while True:
        out.write(sock.recv(4096))  # expect: SCK101


def pump_guarded(sock: socket.socket, out) -> None:
    try:
        sock.send("HELLO\r\n")
    except TypeError:
        pass
    while True:
        out.write(sock.recv(4096))  # expect: SCK101


def pump_then_greet(sock: socket.socket, out) -> None:
    while True:
        out.write(sock.recv(4096))  # expect: SCK101
        sock.send("ACK\r\n")
