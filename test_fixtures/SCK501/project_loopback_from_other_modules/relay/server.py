# SCK501 across modules: a server class binds the host its callers hand in. Every call of
# `LocalServer` in the project (cli.py) passes a host that is loopback unless the user says
# otherwise (a parameter's default, a click option's default, a module constant, a lookup's
# default): only programs on this host connect, and the accept loop is not reported. Another
# module hands `PublicServer` every interface: reported.
import socket


class LocalServer:
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def serve_forever(self, handle):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen()
        while True:
            conn, _ = sock.accept()
            handle(conn)


class PublicServer:
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def serve_forever(self, handle):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen()
        while True:
            conn, _ = sock.accept()  # expect: SCK501
            handle(conn)


class ContributorServer:
    # only a demo script of the project (run_demo.py) passes it a loopback host: its users
    # pass their own, so it is reported
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def serve_forever(self, handle):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen()
        while True:
            conn, _ = sock.accept()  # expect: SCK501
            handle(conn)


class QuietServer:
    # app.py passes a parameter whose default is a constant imported from settings.py,
    # "127.0.0.1": loopback unless told otherwise
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def serve_forever(self, handle):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen()
        while True:
            conn, _ = sock.accept()
            handle(conn)


class ExposedServer:
    # app.py passes a constant imported from settings.py that is every interface: reported
    def __init__(self, host, port):
        self.host = host
        self.port = port

    def serve_forever(self, handle):
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((self.host, self.port))
        sock.listen()
        while True:
            conn, _ = sock.accept()  # expect: SCK501
            handle(conn)
