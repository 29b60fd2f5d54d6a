# SCK501 flag: a module global listener with one bind() to loopback and another to every
# interface: a remote client can abort a queued connection and end the loop.
import socket

listener = socket.socket()
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)


def start_local(port):
    listener.bind(("127.0.0.1", port))
    listener.listen(5)


def start_public(port):
    listener.bind(("", port))
    listener.listen(5)


def serve_page(html):
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        with conn:
            try:
                conn.sendall(html.encode())
            except OSError:
                pass


def serve_local_copy(html):
    # a local name of the same spelling is another socket: its bind does not count
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("0.0.0.0", 8080))
    listener.listen(5)
    while True:
        conn, _ = listener.accept()  # expect: SCK501
        conn.close()


relay = None


def init_relay(port):
    global relay
    relay = socket.socket()
    relay.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    relay.bind(("", port))
    relay.listen(5)


def bind_relay_copy(port):
    # no `global`: a local of the same name, whose loopback bind is not the global's
    relay = socket.socket()
    relay.bind(("127.0.0.1", port))
    return relay


def serve_relay():
    while True:
        conn, _ = relay.accept()  # expect: SCK501
        conn.close()
