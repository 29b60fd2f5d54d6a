# A handler that binds the same address again (it is still taken), or binds another socket,
# does not take another address: a restart while old connections are in TIME_WAIT fails.
import socket


def listen_twice(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))  # expect: SCK801
    except OSError:
        sock.bind((host, port))  # expect: SCK801
    sock.listen()
    return sock


def listen_other(host, port):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    spare = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind((host, port))  # expect: SCK801
    except OSError:
        spare.bind((host, port + 1))  # expect: SCK801
        spare.listen()
        return spare
    sock.listen()
    return sock
