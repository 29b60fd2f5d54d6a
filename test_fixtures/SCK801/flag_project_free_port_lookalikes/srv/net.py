import socket

DEFAULT_PORT = 8000


def configured_port():
    # binds port 0 only to probe, but returns a fixed port
    s = socket.socket()
    s.bind(("", 0))
    s.close()
    return DEFAULT_PORT


def port_of(sock):
    # the port of a socket the caller bound: may be a fixed one
    return sock.getsockname()[1]


def sometimes_fixed(fixed):
    s = socket.socket()
    if fixed:
        s.bind(("", DEFAULT_PORT))
    else:
        s.bind(("", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def other_socket_port(other):
    s = socket.socket()
    s.bind(("", 0))
    s.close()
    return other.getsockname()[1]


def port_or_default():
    s = socket.socket()
    s.bind(("", 0))
    port = s.getsockname()[1]
    s.close()
    if port > 60000:
        return DEFAULT_PORT
    return port


def find_free():
    s = socket.socket()
    s.bind(("", 0))
    port = s.getsockname()[1]
    s.close()
    return port
