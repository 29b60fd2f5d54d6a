# SCK501 flag: a handler in an outer loop around the accept loop that leaves the outer loop
# (break, return, raise), or an outer loop that ends by itself (a counted while, a for):
# the server ends.
import logging
import socket


def serve_until_error(listener: socket.socket, handle) -> None:
    while True:
        try:
            while True:
                conn, _ = listener.accept()  # expect: SCK501
                handle(conn)
        except OSError:
            logging.exception("accept failed")
            break


def serve_three_times(listener: socket.socket, handle) -> None:
    attempts = 0
    while attempts < 3:
        try:
            while True:
                conn, _ = listener.accept()  # expect: SCK501
                handle(conn)
        except OSError:
            logging.exception("accept failed")
        attempts += 1


def serve_in_rounds(listener: socket.socket, handle) -> None:
    for _ in range(3):
        try:
            while True:
                conn, _ = listener.accept()  # expect: SCK501
                handle(conn)
        except OSError:
            logging.exception("accept failed")
