import socket


def serve_both(mapping, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    for sock in [mapping["sock"], s]:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", port))
    s.listen()
    return s


def serve_pair(port):
    a = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    b = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    for each in (a, b):
        each.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    a.bind(("", port))
    a.listen()
    b.bind(("", port + 1))
    b.listen()
    return a, b


def serve_with_others(others, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    for sock in [*others, s]:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("", port))
    s.listen()
    return s
