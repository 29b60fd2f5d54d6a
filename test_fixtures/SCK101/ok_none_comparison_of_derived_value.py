# SCK101 ok: a None comparison that tests something that may be None (a value computed from
# the read, a parser's result), or one next to a real test of the read.
import socket


def pump(sock: socket.socket, parser) -> None:
    while True:
        data = sock.recv(1024)
        message = parser.feed(data)
        if message is None:
            break
        print(message)


def both(sock: socket.socket) -> None:
    while True:
        data = sock.recv(1024)
        if data is None or not data:
            break
        print(data)
