# SCK501: the project's classifiers name Linux and macOS; on macOS (and the BSDs) a
# connection reset while queued fails accept() with ECONNABORTED, which ends this loop.
import socket


def serve(port, handle):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("", port))
    listener.listen()
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        handle(conn)
