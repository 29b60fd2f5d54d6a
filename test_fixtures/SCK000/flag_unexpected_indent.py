# SCK000 flag: an unexpected indent (IndentationError, a SyntaxError subclass) inside a recv loop.
import socket


def serve(sock: socket.socket) -> None:
    while True:
        data = sock.recv(1024)
            if not data:  # expect: SCK000
            break
        sock.sendall(data)
