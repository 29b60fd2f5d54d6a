# SCK501 flag: the inner loop leaves after one accept, but a server loop around it accepts
# again and again: ConnectionAbortedError escapes both.
import socket


def serve(listener: socket.socket, wait_readable, handle) -> None:
    while True:
        while True:
            try:
                conn, _ = listener.accept()  # expect: SCK501
                break
            except BlockingIOError:
                wait_readable(listener)
        handle(conn)
