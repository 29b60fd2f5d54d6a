# SCK501 flag: a call that ends the program only on some paths after accept() (the client
# asked the server to stop) leaves the loop on those paths only: the loop goes on
# accepting, and an aborted connection ends the server.
import socket
import sys


def serve(listener: socket.socket, handle) -> None:
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        if handle(conn) == "shutdown":
            sys.exit(0)


def serve_then_exit_later(listener: socket.socket, handle) -> None:
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)
    sys.exit(0)
