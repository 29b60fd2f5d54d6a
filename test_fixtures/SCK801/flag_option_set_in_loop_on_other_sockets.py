import socket


def serve_other_sockets(mapping, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # the loop sets the option on other sockets only
    for sock in [mapping["sock"], mapping["other"]]:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", port))  # expect: SCK801
    s.listen()
    return s


def serve_loop_after_bind(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind(("", port))  # expect: SCK801
    for sock in [s]:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.listen()
    return s


def serve_loop_over_a_variable(socks, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # not a literal display: which sockets the loop visits is not known
    for sock in socks:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", port))  # expect: SCK801
    s.listen()
    return s


def serve_other_option(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    for sock in [s]:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 16)
    s.bind(("", port))  # expect: SCK801
    s.listen()
    return s


def serve_call_on_element_not_target(other, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    for sock in [s]:
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", port))  # expect: SCK801
    s.listen()
    return s
