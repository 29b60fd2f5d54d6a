# SCK801: Linux and macOS both refuse to bind a port that a connection in TIME_WAIT
# still holds, without SO_REUSEADDR.
import socket


def control(port):
    listener = socket.socket()
    listener.bind(("", port))  # expect: SCK801
    listener.listen()
    return listener
