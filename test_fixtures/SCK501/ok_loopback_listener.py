# SCK501 ok: a listener bound only to a loopback address (127.0.0.1, ::1, localhost, in
# place, through a module constant, through a name assigned on every path, through a class
# constant no method replaces, or through a parameter whose default is loopback, also
# stored on self by the constructor) accepts connections from this host alone, unless told
# otherwise. A connection waiting in its queue is reset only by a local client that aborts
# it on purpose (SO_LINGER 0): a client that dies or closes sends FIN, and the server has
# sent it nothing to leave unread.
import select
import socket

HOST = "localhost"


def serve(port: int, handle) -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen()
    while True:
        conn, _ = listener.accept()
        handle(conn)


class FakeDevice:
    """A test double on this host, for the project's own client."""

    def __init__(self, port: int = 0) -> None:
        self._sock = socket.socket()
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((HOST, port))
        self._sock.listen()

    def run(self, handle) -> None:
        while True:
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return  # the listener was closed: the test is over
            handle(conn)


def serve_v6(port: int, handle) -> None:
    address = ("::1", port)
    listener = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(address)
    listener.listen()
    while True:
        conn, _ = listener.accept()
        handle(conn)


def start_proxy(handle) -> int:
    """A thread's target reads the listener the function around it bound to loopback."""
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.bind(("127.0.0.1", 0))
    srv.listen()

    def accept_forever() -> None:
        while True:
            conn, _ = srv.accept()
            handle(conn)

    import threading

    threading.Thread(target=accept_forever, daemon=True).start()
    return srv.getsockname()[1]


def serve_on_second_loopback(port: int, handle) -> None:
    """127.0.0.2 is loopback too: all of 127.0.0.0/8 is."""
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.2", port))
    listener.listen()
    while True:
        conn, _ = listener.accept()
        handle(conn)


def start_test_server(stop, answer):
    # create_server() on a loopback address, accepted in a thread's target that reads the
    # name from the function around it
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            answer(conn)

    return serve


class ControlPort:
    host = "127.0.0.1"  # a class constant that no method replaces
    port = 8888

    def serve(self, handle) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
            listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            listener.bind((self.host, self.port))
            listener.listen(1)
            while True:
                conn, _ = listener.accept()
                handle(conn)


def start_server(handle, host="127.0.0.1", port=1234) -> None:
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen()
    while True:
        conn, _ = listener.accept()
        handle(conn)


class FaultProxy:
    def __init__(self, upstream, listen_host=HOST, listen_port=0) -> None:
        self.upstream = upstream
        self.listen_host = listen_host
        self.listen_port = listen_port
        self._listener = socket.socket()

    def start(self) -> None:
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind((self.listen_host, self.listen_port))
        self._listener.listen()

    def run(self, handle) -> None:
        while True:
            conn, _ = self._listener.accept()
            handle(conn)


class App:
    """The address is kept on the object by the method that binds it, a log line between."""

    def run(self, handle, host="127.0.0.1", port=8000) -> None:
        self.addr = (host, port)
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            print("serving on %s:%s" % self.addr)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind(self.addr)
            sock.listen()
            while True:
                conn, _ = sock.accept()
                handle(conn)


class Listener:
    """The address is kept on the object as a list whose host is loopback; the search for
    a free port changes only its port item."""

    def __init__(self) -> None:
        self.address = ["127.0.0.1", 12346]

    def next_port(self) -> None:
        self.address[1] = self.address[1] + 1

    def run(self, handle) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(tuple(self.address))
        sock.listen()
        while True:
            conn, _ = sock.accept()
            handle(conn)


def create_input_socket(port: int) -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1)
    return sock


def serve_from_factory(port: int, handle) -> None:
    # the listener comes from a helper of the module that binds it to loopback and returns it
    sock = create_input_socket(port)
    while True:
        conn, _ = sock.accept()
        handle(conn)


def serve_with(port: int, handle) -> None:
    # the listener the with statement holds is bound to loopback
    with socket.create_server(("127.0.0.1", port)) as frontend:
        while True:
            conn, _ = frontend.accept()
            handle(conn)


class ControlTool:
    """The accept's `if` tests the ready socket to be the loopback listener itself."""

    def _listen(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.setblocking(False)
        self.server_address = ("localhost", 30003)
        self.server.bind(self.server_address)
        self.server.listen(1)

    def start(self) -> None:
        readers = [self.server]
        while readers:
            readable, _, _ = select.select(readers, [], [])
            for s in readable:
                if s is self.server:
                    connection, _addr = s.accept()
                    connection.setblocking(False)
                    readers.append(connection)
                else:
                    data = s.recv(8192)
                    if not data:
                        readers.remove(s)
                        s.close()


def make_agent_server(address: str) -> socket.socket:
    if address.startswith("tcp:"):
        server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        server.bind(("127.0.0.1", int(address[4:])))
    else:
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(address)
    server.listen(1)
    return server


def serve_agent(server: socket.socket, handle) -> None:
    # every caller passes the listener a helper of the module made and bound locally
    while True:
        conn, _ = server.accept()
        handle(conn)


def agent_main(address: str, handle) -> None:
    server = make_agent_server(address)
    serve_agent(server, handle)


class IPCServer:
    """The listener comes, with its port, from a helper that binds it to loopback."""

    def __init__(self) -> None:
        self.port, self.conn = self._get_connection()

    def _get_connection(self):
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("localhost", 0))
        return sock.getsockname()[1], sock

    def run(self, handle) -> None:
        self.conn.listen(5)
        while True:
            new_conn, _ = self.conn.accept()
            handle(new_conn)


class ChatServer:
    """The test names the listener itself on its other side: the accept is on that very
    attribute, bound to loopback."""

    def __init__(self, port: int) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind((HOST, port))
        self.server.listen(5)

    def run(self, handle) -> None:
        inputs = [self.server]
        while True:
            readable, _, _ = select.select(inputs, [], [])
            for sock in readable:
                if sock == self.server:
                    client, _address = self.server.accept()
                    inputs.append(client)
                else:
                    handle(sock)
