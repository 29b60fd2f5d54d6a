# SCK801: the project's classifiers name Windows alone, and Windows binds a port that a
# connection in TIME_WAIT still holds without SO_REUSEADDR: a restart binds again.
import socket


def serve(port):
    listener = socket.socket()
    listener.bind(("", port))
    listener.listen()
    return listener
