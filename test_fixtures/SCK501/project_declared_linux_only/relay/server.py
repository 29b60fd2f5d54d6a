# SCK501, SCK901: the project's classifiers name Linux alone, so its code runs on Linux,
# which hands a connection reset while queued to accept() (its first read fails instead):
# no ConnectionAbortedError for the loop to meet. An errno number that is Linux's is right
# on every system the project runs on.
import socket


def serve(port, handle):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen()
    while True:
        conn, _ = listener.accept()
        handle(conn)
