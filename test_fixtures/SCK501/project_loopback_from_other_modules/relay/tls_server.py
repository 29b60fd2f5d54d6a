# Called from __main__.py with the parsed command line: the host is the --host option,
# whose default is loopback, so only programs on this host connect unless the user says.
import socket


def serve(host, port, handle):
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen()
    while True:
        conn, _ = sock.accept()
        handle(conn)


def serve_public(host, port, handle):
    # the --public-host option defaults to every interface: reported
    sock = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen()
    while True:
        conn, _ = sock.accept()  # expect: SCK501
        handle(conn)
