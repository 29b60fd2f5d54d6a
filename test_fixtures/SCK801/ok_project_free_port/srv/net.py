import socket
from contextlib import closing


def find_available_port(interface="localhost", family=socket.AF_INET):
    port = None
    s = socket.socket(family, socket.SOCK_STREAM)
    try:
        s.bind((interface, 0))
        port = s.getsockname()[1]
    finally:
        s.close()
    return port


def free_address():
    with closing(socket.socket()) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()


def get_free_port_number():
    s = socket.socket(socket.AF_INET, type=socket.SOCK_STREAM)
    s.bind(("localhost", 0))
    _, port = s.getsockname()
    s.close()
    return port
