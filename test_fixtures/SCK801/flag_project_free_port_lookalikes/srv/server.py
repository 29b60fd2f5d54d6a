import socket

from srv.net import configured_port, other_socket_port, port_of, port_or_default, sometimes_fixed


def start_configured():
    port = configured_port()
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("", port))  # expect: SCK801
    srv.listen()
    return srv


def start_again(old):
    port = port_of(old)
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("", port))  # expect: SCK801
    srv.listen()
    return srv


def start_maybe_fixed():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("", sometimes_fixed(True)))  # expect: SCK801
    srv.listen()
    return srv


def start_other(other):
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("", other_socket_port(other)))  # expect: SCK801
    srv.listen()
    return srv


def start_or_default():
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("", port_or_default()))  # expect: SCK801
    srv.listen()
    return srv


def start_reassigned(config):
    from srv.net import find_free

    port = find_free()
    port = config.port
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("", port))  # expect: SCK801
    srv.listen()
    return srv
