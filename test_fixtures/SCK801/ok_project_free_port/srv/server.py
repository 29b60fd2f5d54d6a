import socket

from srv import net
from srv.net import find_available_port, free_address


def free_port_here():
    s = socket.socket()
    s.bind(("", 0))
    _ = s.getsockname()
    port = s.getsockname()[1]
    s.close()
    return port


def start_imported():
    port = find_available_port()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", port))
    srv.listen()
    return srv, port


def start_through_module():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", net.find_available_port()))
    srv.listen()
    return srv


def start_same_module():
    port = free_port_here()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("", port))
    srv.listen()
    return srv


def start_on_address():
    address = free_address()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(address)
    srv.listen()
    return srv


def start_unpacked():
    port = net.get_free_port_number()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", port))
    srv.listen()
    return srv
